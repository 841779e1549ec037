import { regularizedIncompleteBeta } from './incomplete-beta.js';

/** Bisection steps for the quantile; 200 halvings exhaust double precision. */
const QUANTILE_MAX_STEPS = 200;

/**
 * CDF of Student's t distribution with `df` degrees of freedom:
 * P(T ≤ t) = 1 − ½ I_{df/(df+t²)}(df/2, ½) for t ≥ 0, and symmetric for t < 0
 * (Abramowitz & Stegun 26.7.1 with 26.5.27).
 *
 * @param t Point, any real number including ±Infinity.
 * @param df Degrees of freedom, > 0; need not be an integer (Welch's df).
 * @example
 * studentTCdf(12.706, 1); // ≈ 0.975
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Student t needs degrees of freedom > 0, got ${df}`);
  if (Number.isNaN(t)) throw new RangeError('Student t CDF needs a number, got NaN');

  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;

  const oneTail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);

  return t > 0 ? 1 - oneTail : oneTail;
}

/**
 * Two-sided tail probability P(|T| ≥ |t|) of Student's t with `df` degrees of
 * freedom: I_{df/(df+t²)}(df/2, ½). Computed directly rather than as
 * 2 (1 − CDF) so that tiny p-values keep their precision.
 *
 * @param t Observed statistic, any real number including ±Infinity.
 * @param df Degrees of freedom, > 0.
 * @example
 * studentTTwoSidedP(2.262, 9); // ≈ 0.05
 */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Student t needs degrees of freedom > 0, got ${df}`);
  if (Number.isNaN(t)) throw new RangeError('Student t p-value needs a number, got NaN');

  if (!Number.isFinite(t)) return 0;
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * Quantile (inverse CDF) of Student's t distribution: the t with
 * P(T ≤ t) = p. Found by bisection on {@link studentTCdf}, so it is exact to
 * double precision for any df, not only tabulated ones.
 *
 * @param p Probability in (0, 1); 0.975 gives the two-sided 95 % critical value.
 * @param df Degrees of freedom, > 0.
 * @example
 * studentTQuantile(0.975, 4); // 2.776…
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`Student t quantile needs p in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`Student t needs degrees of freedom > 0, got ${df}`);

  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);

  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) {
    low = high;
    high *= 2;
  }

  for (let step = 0; step < QUANTILE_MAX_STEPS; step++) {
    const middle = (low + high) / 2;
    if (middle === low || middle === high) break;
    if (studentTCdf(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
