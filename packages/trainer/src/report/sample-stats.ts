import { studentTQuantile } from './student-t.js';

/** Confidence level of the interval in {@link SampleStats.ci95}. */
export const CONFIDENCE_LEVEL = 0.95;

/** Descriptive statistics of a small sample, e.g. one metric over seeds. */
export interface SampleStats {
  /** Number of values. */
  n: number;
  /** Arithmetic mean. */
  mean: number;
  /** Sample standard deviation with n − 1 in the denominator; 0 when n = 1. */
  std: number;
  /**
   * Half-width of the 95 % confidence interval of the mean,
   * t(0.975, n − 1) · std / √n; null when n = 1 (no interval exists).
   */
  ci95: number | null;
  /** Smallest value. */
  min: number;
  /** Largest value. */
  max: number;
}

/**
 * Mean, sample standard deviation, Student-t 95 % confidence half-width and
 * range of a sample. NaN values propagate into mean, std and ci95.
 *
 * @param values At least one number.
 * @example
 * describeSample([1, 2, 3]); // { n: 3, mean: 2, std: 1, ci95: 2.484…, min: 1, max: 3 }
 */
export function describeSample(values: readonly number[]): SampleStats {
  if (values.length === 0) throw new RangeError('describeSample needs at least one value, got 0');

  const n = values.length;
  const center = mean(values);
  const std = n > 1 ? Math.sqrt(sampleVariance(values)) : 0;
  const ci95 =
    n > 1 ? (studentTQuantile(1 - (1 - CONFIDENCE_LEVEL) / 2, n - 1) * std) / Math.sqrt(n) : null;

  return { n, mean: center, std, ci95, min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Arithmetic mean Σxᵢ / n.
 *
 * @param values At least one number.
 */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean needs at least one value, got 0');

  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Unbiased sample variance Σ(xᵢ − x̄)² / (n − 1).
 *
 * @param values At least two numbers.
 */
export function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) {
    throw new RangeError(`sample variance needs at least 2 values, got ${values.length}`);
  }

  const center = mean(values);
  const squares = values.reduce((sum, value) => sum + (value - center) ** 2, 0);
  return squares / (values.length - 1);
}
