import { type RreluOptions, rreluSlopeDistribution } from './rrelu-options.js';

/** The range of RReLU's training output at each x, and the slopes that bound it. */
export interface RreluBand {
  /** Smallest possible training output at each x. */
  low: number[];
  /** Largest possible training output at each x. */
  high: number[];
  /** Smallest and largest negative-side slope training can draw. */
  minSlope: number;
  maxSlope: number;
}

/**
 * Where RReLU's training output can fall: for x < 0 between minSlope·x and
 * maxSlope·x (so `low` = maxSlope·x and `high` = minSlope·x when the slopes
 * are positive), for x ≥ 0 exactly x. Plain JavaScript, for plots and docs;
 * options are validated as by `resolveRreluOptions`.
 *
 * @example
 * rreluBand({ preset: 'paper' }, [-4, 1]);
 * // { low: [-1.333333, 1], high: [-0.5, 1], minSlope: 0.125, maxSlope: 0.333333 }
 */
export function rreluBand(options: RreluOptions, xs: readonly number[]): RreluBand {
  const { min: minSlope, max: maxSlope } = rreluSlopeDistribution(options);

  const low: number[] = [];
  const high: number[] = [];
  for (const x of xs) {
    const ends = x < 0 ? [minSlope * x, maxSlope * x] : [x, x];
    low.push(Math.min(...ends));
    high.push(Math.max(...ends));
  }
  return { low, high, minSlope, maxSlope };
}
