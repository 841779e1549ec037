/** Throws unless `value` is a finite number; names the option and the value. */
export function requireFinite(owner: string, option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${owner}: ${option} must be a finite number, got ${describe(value)}`);
  }
  return value;
}

/** Throws unless `value` is one of `allowed`; lists the allowed values. */
export function requireOneOf<T extends string>(
  owner: string,
  option: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(
      `${owner}: ${option} must be one of ${allowed.join(', ')}, got ${describe(value)}`,
    );
  }
  return value as T;
}

/** A short, unambiguous rendering of a bad value for an error message. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object' && 'shape' in value) return 'a tensor';
  return typeof value;
}
