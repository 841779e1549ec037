import * as tf from '@tensorflow/tfjs-core';
import { asFloat, piecewiseSlope, splitArgs } from './custom-gradient.js';
import type { Activation, LocalForward } from './types.js';
import { describe, requireFinite, requireOneOf } from './validate.js';

/** He et al. initialise every slope at 0.25. */
export const PRELU_DEFAULT_INITIAL = 0.25;

/** How many learned slopes a PReLU keeps. */
export type PreluSharing = 'channel' | 'shared' | 'element';
export const PRELU_SHARING: readonly PreluSharing[] = ['channel', 'shared', 'element'];

/**
 * PReLU: y = x for x > 0, alpha·x for x ≤ 0 with learned alpha; dy/dx = alpha
 * for x ≤ 0. He, Zhang, Ren & Sun, "Delving Deep into Rectifiers", ICCV 2015.
 *
 * @param alpha slopes broadcastable to x: one per channel (last axis, the
 *   paper's choice and the default here), a scalar, or one per element.
 * @example
 * preluForward(x, tf.tensor1d([0.25, 0.25])).y;
 */
export function preluForward(x: tf.Tensor, alpha: tf.Tensor): LocalForward {
  return tf.tidy(() => ({ y: tf.prelu(x, alpha), dydx: piecewiseSlope(x, alpha) }));
}

/**
 * Gradient of PReLU's slopes: Σ dy·min(x, 0) over every axis along which
 * alpha was broadcast, returned with alpha's shape.
 */
export function preluAlphaGradient(dy: tf.Tensor, x: tf.Tensor, alpha: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const perElement = tf.mul(dy, tf.minimum(x, 0)); // x.shape
    const padded = [...new Array<number>(x.rank - alpha.rank).fill(1), ...alpha.shape];
    const axes = padded.flatMap((size, axis) => (size === 1 && x.shape[axis] !== 1 ? [axis] : []));
    const summed = axes.length > 0 ? tf.sum(perElement, axes, true) : perElement;
    return tf.reshape(summed, alpha.shape);
  });
}

/**
 * PReLU with exact gradients for x and alpha, usable inside `tf.grad` and
 * `tf.variableGrads`.
 */
export function prelu(x: tf.Tensor, alpha: tf.Tensor): tf.Tensor {
  requireBroadcastableAlpha(x, alpha);

  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [[input, slopes], save] = splitArgs(args, 2);
    const { y, dydx } = preluForward(input as tf.Tensor, slopes as tf.Tensor);
    save([input as tf.Tensor, slopes as tf.Tensor, dydx]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, [xs, a, d]: tf.Tensor[]) => [
        tf.mul(dy, d as tf.Tensor),
        preluAlphaGradient(dy, xs as tf.Tensor, a as tf.Tensor),
      ],
    };
  });
  return op(asFloat(x), alpha) as tf.Tensor;
}

/**
 * Throws unless alpha is a float tensor that broadcasts over x's trailing
 * axes: one slope shared ([1]), per channel ([C]) or per element.
 */
function requireBroadcastableAlpha(x: tf.Tensor, alpha: unknown): void {
  if (!(alpha instanceof tf.Tensor)) {
    throw new TypeError(`prelu: alpha must be a tensor of slopes, got ${describe(alpha)}`);
  }
  const offset = x.rank - alpha.rank;
  const fits =
    offset >= 0 &&
    alpha.shape.every((size: number, i: number) => size === 1 || size === x.shape[offset + i]);
  if (!fits) {
    const channels = x.shape[x.rank - 1] ?? 1;
    throw new RangeError(
      `prelu: alpha of shape [${alpha.shape}] does not broadcast over x of shape [${x.shape}]; ` +
        `expected [1] (shared), [${channels}] (per channel) or [${x.shape.slice(1)}] (per element)`,
    );
  }
}

/** Options of the PReLU layer activation. */
export interface PreluOptions {
  /** Initial slope, default 0.25. */
  initial?: number;
  /** One slope per channel (last axis, default), one shared, or one per element. */
  sharing?: PreluSharing;
}

/** PReLU as a layer activation; the layer owns the learned slopes. */
export function createPrelu(options: PreluOptions = {}): Activation {
  const initial = requireFinite('prelu', 'initial', options.initial ?? PRELU_DEFAULT_INITIAL);
  const sharing = requireOneOf('prelu', 'sharing', options.sharing ?? 'channel', PRELU_SHARING);

  return {
    name: 'prelu',
    config: { initial, sharing },
    initialParameter: initial,
    parameterShape: (featureShape) => {
      if (sharing === 'shared') return [1];
      if (sharing === 'element') return [...featureShape];
      return [featureShape[featureShape.length - 1] ?? 1]; // one slope per channel
    },
    forward: (x, _mode, alpha) => {
      if (alpha === undefined) throw new Error('prelu: forward needs its slopes (alpha)');
      return preluForward(x, alpha);
    },
    parameterGradient: preluAlphaGradient,
  };
}
