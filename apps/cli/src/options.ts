import { InvalidArgumentError } from 'commander';

/** Parses a whole number within [min, max] for a flag, naming the flag on error. */
export function wholeNumber(flag: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
      throw new InvalidArgumentError(`${flag} must be a whole number ${range}, got "${value}"`);
    }
    return parsed;
  };
}

/** Parses a finite number > 0 for a flag. */
export function positiveNumber(flag: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0) {
      throw new InvalidArgumentError(`${flag} must be a number > 0, got "${value}"`);
    }
    return parsed;
  };
}

/** Parses one of a fixed set of words. */
export function oneOf<T extends string>(flag: string, allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(
        `${flag} must be one of ${allowed.join(', ')}, got "${value}"`,
      );
    }
    return value as T;
  };
}

/** Parses a comma-separated list of words, each from `allowed`, without repeats. */
export function listOf(flag: string, allowed: readonly string[]) {
  return (value: string): string[] => {
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    if (items.length === 0) throw new InvalidArgumentError(`${flag} needs at least one name`);
    for (const item of items) {
      if (!allowed.includes(item)) {
        throw new InvalidArgumentError(
          `${flag}: unknown name "${item}"; expected one of ${allowed.join(', ')}`,
        );
      }
    }
    const repeated = items.find((item, i) => items.indexOf(item) !== i);
    if (repeated !== undefined)
      throw new InvalidArgumentError(`${flag}: "${repeated}" is listed twice`);
    return items;
  };
}

/** Parses a comma-separated list of whole numbers, each ≥ min. */
export function wholeNumbers(flag: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number[] => {
    const items = value.split(',').map((item) => item.trim());
    const parsed = items.map(Number);
    const bad = (item: string, n: number | undefined) =>
      item === '' || !Number.isSafeInteger(n) || (n as number) < min || (n as number) > max;
    if (items.some((item, i) => bad(item, parsed[i]))) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
      throw new InvalidArgumentError(
        `${flag} must be comma-separated whole numbers ${range}, got "${value}"`,
      );
    }
    return parsed;
  };
}
