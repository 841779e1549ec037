/** Counts of values in equal-width bins over [min, max]. */
export interface Histogram {
  /** Left edge of each bin, then the right edge of the last: bins + 1 values. */
  edges: number[];
  counts: number[];
}

/**
 * Bins `values` into `bins` equal bins spanning [min, max]; the maximum
 * falls in the last bin, values outside the range are dropped.
 */
export function histogram(
  values: ArrayLike<number>,
  min: number,
  max: number,
  bins: number,
): Histogram {
  if (!Number.isSafeInteger(bins) || bins < 1) {
    throw new RangeError(`bins must be a whole number ≥ 1, got ${bins}`);
  }
  const width = max > min ? (max - min) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (!(v >= min && v <= max)) continue;
    const bin = Math.min(bins - 1, Math.floor((v - min) / width));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => min + i * width);
  return { edges, counts };
}

/** Evenly spaced numbers from `from` to `to`, both included. */
export function linspace(from: number, to: number, count: number): number[] {
  if (count < 2) return [from];
  return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}

/** The arithmetic mean, NaN for no values. */
export function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return values.length === 0 ? Number.NaN : sum / values.length;
}
