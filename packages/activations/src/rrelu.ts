import * as tf from '@tensorflow/tfjs-core';
import { piecewiseSlope, withLocalGradient } from './custom-gradient.js';
import { NoiseStream } from './noise.js';
import {
  type RreluConfig,
  type RreluOptions,
  resolveRreluOptions,
  rreluEvaluationSlope,
} from './rrelu-options.js';
import type { Activation, ActivationMode, LocalForward } from './types.js';
import { describe } from './validate.js';

/** Where RReLU's training noise comes from. */
export interface RreluNoiseSource {
  /** The stream that supplies one step of draws per training call. */
  stream: NoiseStream;
}

/** The slopes one training call drew, kept for tests and plots. */
export interface DrawnSlopes {
  /** The stream step the slopes belong to. */
  step: number;
  /** One slope per element, per unit or a single one, following `noise`. */
  slopes: Float32Array;
}

/**
 * Randomized leaky ReLU: the negative-side slope is random in training and
 * fixed in evaluation. Xu, Wang, Chen & Li, "Empirical Evaluation of
 * Rectified Activations in Convolutional Network", 2015.
 *
 * Training: y = x for x > 0 and y = s·x for x ≤ 0, with s drawn from the
 * convention's distribution (s = 1/a, a ~ U(lower, upper) in the divide form;
 * s ~ U(lower, upper) in the multiply form) per element, unit or layer, from
 * the next step of `source.stream`. Evaluation: s is the convention's
 * evaluation slope. dy/dx is s for x ≤ 0 and 1 for x > 0, the very slopes of
 * the forward pass; the bounds get no gradient.
 *
 * @example
 * const stream = new NoiseStream({ seed: 1, name: 'hidden1' });
 * const { y, dydx } = rreluForward(x, { preset: 'paper' }, { training: true }, { stream });
 */
export function rreluForward(
  x: tf.Tensor,
  options: RreluOptions | RreluConfig,
  mode: ActivationMode,
  source?: RreluNoiseSource,
): LocalForward & { drawn: DrawnSlopes | null } {
  const config = resolveRreluOptions(options);

  if (!mode.training) {
    const dydx = piecewiseSlope(x, rreluEvaluationSlope(config));
    return { y: tf.mul(x, dydx), dydx, drawn: null };
  }
  if (source === undefined) {
    throw new Error('rrelu: training mode needs a noise stream (source.stream)');
  }

  const step = source.stream.step;
  const count = noiseCount(x, config);
  const slopes = drawSlopes(source.stream.next(count), config);
  const drawn = { step, slopes };

  if (config.noise === 'layer') {
    const dydx = piecewiseSlope(x, slopes[0] as number);
    return { y: tf.mul(x, dydx), dydx, drawn };
  }

  // Per element: x's shape. Per unit: the last axis, broadcast over the others
  // (a scalar input has one unit and keeps its shape).
  const shape = config.noise === 'element' || x.rank === 0 ? x.shape : [count];
  const dydx = tf.tidy(() => {
    const s = tf.tensor(slopes, shape);
    // With every slope in (0, 1], max(step(x), s) is 1 for x > 0 and s for
    // x ≤ 0: one upload and two kernels (the paper's and torch's conventions).
    if (slopesWithinUnit(config)) return tf.maximum(tf.step(x, 0), s);
    return piecewiseSlope(
      x,
      s,
      tf.tensor(
        slopes.map((v) => 1 - v),
        shape,
      ),
    );
  });
  return { y: tf.mul(x, dydx), dydx, drawn };
}

/**
 * RReLU with its exact gradient (the drawn slopes), usable inside `tf.grad`.
 * In training mode each call consumes one step of `source.stream`.
 */
export function rrelu(
  x: tf.Tensor,
  options: RreluOptions & ActivationMode,
  source?: RreluNoiseSource,
): tf.Tensor {
  if (typeof options !== 'object' || options === null || typeof options.training !== 'boolean') {
    throw new TypeError(
      `rrelu: options.training must be true or false, got ${describe(options?.training)}`,
    );
  }
  const unknown = Object.keys(options).filter((key) => !RRELU_CALL_OPTIONS.includes(key));
  if (unknown.length > 0) {
    throw new RangeError(
      `rrelu: unknown option ${describe(unknown[0])}; its options are ${RRELU_CALL_OPTIONS.join(', ')}`,
    );
  }
  const config = resolveRreluOptions(options);

  return withLocalGradient((input) => rreluForward(input, config, options, source))(x);
}

/** Keys `rrelu()` accepts: the convention's options and the mode. */
const RRELU_CALL_OPTIONS: readonly string[] = [
  'preset',
  'form',
  'lower',
  'upper',
  'noise',
  'evaluation',
  'training',
];

/** RReLU as a layer activation, with the slopes of its last training call readable. */
export interface RreluActivation extends Activation {
  readonly stream: NoiseStream;
  /** Slopes drawn by the most recent training forward, or null before the first. */
  readonly lastDrawn: DrawnSlopes | null;
}

/**
 * Creates the RReLU layer activation. Its noise comes from a stream keyed by
 * the run seed and `noise.name` (the layer's name), so two layers draw
 * independent noise and a run replays exactly.
 */
export function createRrelu(
  options: RreluOptions = {},
  noise: { seed: number; name: string; step?: number } = { seed: 0, name: 'rrelu' },
): RreluActivation {
  const config = resolveRreluOptions(options);
  const stream = new NoiseStream(noise);
  let lastDrawn: DrawnSlopes | null = null;

  return {
    name: 'rrelu',
    config: { ...config },
    stream,
    get lastDrawn() {
      return lastDrawn;
    },
    parameterShape: () => null,
    forward: (x, mode) => {
      const { y, dydx, drawn } = rreluForward(x, config, mode, { stream });
      if (drawn !== null) lastDrawn = drawn;
      return { y, dydx };
    },
  };
}

/** Whether every slope the convention can draw lies in (0, 1]. */
function slopesWithinUnit({ form, lower, upper }: RreluConfig): boolean {
  return form === 'divide' ? lower >= 1 : lower > 0 && upper <= 1;
}

function noiseCount(x: tf.Tensor, config: RreluConfig): number {
  if (config.noise === 'layer') return 1;
  if (config.noise === 'unit') return x.shape[x.rank - 1] ?? 1;
  return x.size;
}

/**
 * Maps uniform draws u ∈ [0, 1) to slopes of the convention, in place.
 *
 * TODO: draws carry 24 bits, so a ~ lower + (upper − lower)·k·2^−24: the slopes
 * sit on a grid of 2^24 values and the upper bound itself is never drawn.
 */
function drawSlopes(uniform: Float32Array, config: RreluConfig): Float32Array {
  const { lower, upper, form } = config;
  const width = upper - lower;
  for (let i = 0; i < uniform.length; i++) {
    const value = lower + width * (uniform[i] as number);
    uniform[i] = form === 'divide' ? 1 / value : value;
  }
  return uniform;
}
