import * as tf from '@tensorflow/tfjs-core';
import { withLocalGradient } from './custom-gradient.js';
import type { Activation, LocalForward } from './types.js';
import { describe, requireFinite } from './validate.js';

/** CELU's default α (Barron 2017; with α = 1 CELU equals ELU). */
export const CELU_DEFAULT_ALPHA = 1;

/**
 * CELU, the continuously differentiable ELU:
 * y = max(0, x) + min(0, α·(e^(x/α) − 1)), i.e. x for x > 0 and
 * α·(e^(x/α) − 1) for x ≤ 0. dy/dx = 1 for x > 0 and e^(x/α) for x ≤ 0: both
 * sides give 1 at x = 0 for every α, so there is no kink convention to choose.
 * Computed as relu(x) + α·expm1(min(x, 0)/α), which never overflows for α > 0.
 * Barron, "Continuously Differentiable Exponential Linear Units", arXiv
 * 1704.07483, 2017.
 *
 * @param alpha any finite α ≠ 0, default 1. For α < 0 the negative side grows
 *   like −|α|·e^(|x/α|) and overflows float32 to −Infinity below x ≈ 88·α.
 * @example
 * celuForward(tf.tensor1d([-2, 0, 3]), 2).y; // [2·(e^-1 − 1), 0, 3] = [-1.2642411, 0, 3]
 */
export function celuForward(x: tf.Tensor, alpha = CELU_DEFAULT_ALPHA): LocalForward {
  requireCeluAlpha(alpha);

  return tf.tidy(() => {
    // TODO: for α < 0 the true value leaves float32 below x ≈ 88·α; y is then −Infinity.
    const scaled = tf.div(tf.minimum(x, 0), alpha); // min(x, 0)/α, x.shape

    const y = tf.add(tf.relu(x), tf.mul(alpha, tf.expm1(scaled)));
    const dydx = tf.exp(scaled); // 1 for x ≥ 0
    return { y, dydx };
  });
}

/** CELU with its exact gradient, usable inside `tf.grad`. */
export function celu(x: tf.Tensor, alpha = CELU_DEFAULT_ALPHA): tf.Tensor {
  requireCeluAlpha(alpha);

  return withLocalGradient((input) => celuForward(input, alpha))(x);
}

/** CELU as a layer activation. */
export function createCelu(alpha = CELU_DEFAULT_ALPHA): Activation {
  requireCeluAlpha(alpha);

  return {
    name: 'celu',
    config: { alpha },
    parameterShape: () => null,
    forward: (x) => celuForward(x, alpha),
  };
}

function requireCeluAlpha(alpha: number): void {
  requireFinite('celu', 'alpha', alpha);
  if (alpha === 0) {
    throw new RangeError(`celu: alpha must be ≠ 0 (x/α is taken), got ${describe(alpha)}`);
  }
}
