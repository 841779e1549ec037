/** Throws unless `value` is a whole number ≥ 1; names the owner, option and value. */
export function requirePositiveInteger(owner: string, option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${owner}: ${option} must be a whole number ≥ 1, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is a finite number in [min, max]. */
export function requireInRange(
  owner: string,
  option: string,
  value: unknown,
  min: number,
  max: number,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(
      `${owner}: ${option} must be a number in [${min}, ${max}], got ${String(value)}`,
    );
  }
  return value;
}
