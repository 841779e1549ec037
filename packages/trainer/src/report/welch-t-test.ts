import { mean, sampleVariance } from './sample-stats.js';
import { studentTTwoSidedP } from './student-t.js';

/** Result of {@link welchTTest}. */
export interface WelchTTestResult {
  /** t statistic (mean of a − mean of b) / standard error of the difference. */
  t: number;
  /** Welch–Satterthwaite degrees of freedom, usually not an integer. */
  df: number;
  /** Two-sided p-value, P(|T| ≥ |t|) under equal means. */
  p: number;
}

/**
 * Welch's unequal-variances t-test of whether two samples have the same mean
 * (B. L. Welch 1947, "The generalization of 'Student's' problem when several
 * different population variances are involved", Biometrika 34, 28-35).
 *
 * t = (x̄ₐ − x̄ᵦ) / √(sₐ²/nₐ + sᵦ²/nᵦ),
 * df = (sₐ²/nₐ + sᵦ²/nᵦ)² / ((sₐ²/nₐ)²/(nₐ − 1) + (sᵦ²/nᵦ)²/(nᵦ − 1)),
 * p = P(|T_df| ≥ |t|).
 *
 * When both samples have zero variance the statistic is undefined; this
 * returns t = 0, p = 1 for equal means and t = ±Infinity, p = 0 otherwise,
 * with df = nₐ + nᵦ − 2.
 *
 * @param a First sample, at least 2 finite values.
 * @param b Second sample, at least 2 finite values.
 * @example
 * welchTTest([0.981, 0.979, 0.983], [0.975, 0.976, 0.972]).p; // ≈ 0.016 (t = 4, df ≈ 3.99)
 */
export function welchTTest(a: readonly number[], b: readonly number[]): WelchTTestResult {
  if (a.length < 2 || b.length < 2) {
    throw new RangeError(
      `Welch's t-test needs at least 2 values per sample, got ${a.length} and ${b.length}`,
    );
  }
  const nonFinite = [...a, ...b].find((value) => !Number.isFinite(value));
  if (nonFinite !== undefined) {
    throw new RangeError(`Welch's t-test needs finite values, got ${nonFinite}`);
  }

  const meanA = mean(a);
  const meanB = mean(b);
  const squaredErrorA = sampleVariance(a) / a.length;
  const squaredErrorB = sampleVariance(b) / b.length;
  const squaredError = squaredErrorA + squaredErrorB;

  if (squaredError === 0) {
    const df = a.length + b.length - 2;
    if (meanA === meanB) return { t: 0, df, p: 1 };
    return { t: meanA > meanB ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY, df, p: 0 };
  }

  const t = (meanA - meanB) / Math.sqrt(squaredError);
  const df =
    (squaredError * squaredError) /
    (squaredErrorA ** 2 / (a.length - 1) + squaredErrorB ** 2 / (b.length - 1));

  return { t, df, p: studentTTwoSidedP(t, df) };
}
