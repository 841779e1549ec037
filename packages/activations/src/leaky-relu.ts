import * as tf from '@tensorflow/tfjs-core';
import { piecewiseSlope, withLocalGradient } from './custom-gradient.js';
import type { Activation, LocalForward } from './types.js';
import { requireFinite } from './validate.js';

/**
 * Leaky ReLU: y = x for x > 0, alpha·x for x ≤ 0; dy/dx = alpha at x ≤ 0
 * (x = 0 takes the negative-side slope). Any finite alpha is allowed: 0 gives
 * ReLU, negative or > 1 slopes are computed as written.
 * Maas, Hannun & Ng, "Rectifier Nonlinearities Improve Neural Network
 * Acoustic Models", ICML 2013.
 *
 * @param alpha negative-side slope; no default (libraries disagree: tfjs 0.2,
 *   PyTorch 0.01, Keras 0.3), so every caller names it.
 * @example
 * leakyReluForward(tf.tensor([-2, 3]), 0.01).y; // [-0.02, 3]
 */
export function leakyReluForward(x: tf.Tensor, alpha: number): LocalForward {
  requireFinite('leakyRelu', 'alpha', alpha);

  const dydx = piecewiseSlope(x, alpha);
  return { y: tf.mul(x, dydx), dydx };
}

/** Leaky ReLU with its exact gradient, usable inside `tf.grad`. */
export function leakyRelu(x: tf.Tensor, alpha: number): tf.Tensor {
  requireFinite('leakyRelu', 'alpha', alpha);

  return withLocalGradient((input) => leakyReluForward(input, alpha))(x);
}

/** Leaky ReLU as a layer activation, registered under `name`. */
export function createLeakyRelu(alpha: number, name = 'lrelu'): Activation {
  requireFinite(name, 'alpha', alpha);

  return {
    name,
    config: { alpha },
    parameterShape: () => null,
    forward: (x) => leakyReluForward(x, alpha),
  };
}
