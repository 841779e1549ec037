import * as tf from '@tensorflow/tfjs-core';
import { withLocalGradient } from './custom-gradient.js';
import type { Activation, LocalForward } from './types.js';
import { requireFinite } from './validate.js';

/** ELU's default α (Clevert et al. use 1). */
export const ELU_DEFAULT_ALPHA = 1;

/**
 * ELU: y = x for x > 0, α·(eˣ − 1) for x ≤ 0; dy/dx = 1 for x > 0 and α·eˣ
 * for x ≤ 0, so α at x = 0. Any finite α is accepted, negative included.
 * Clevert, Unterthiner & Hochreiter, "Fast and Accurate Deep Network Learning
 * by Exponential Linear Units (ELUs)", ICLR 2016.
 *
 * @param alpha saturation value for large negative x, default 1.
 * @example
 * eluForward(tf.tensor([-1, 0.5])).dydx; // [0.367879, 1]
 */
export function eluForward(x: tf.Tensor, alpha = ELU_DEFAULT_ALPHA): LocalForward {
  requireFinite('elu', 'alpha', alpha);

  return tf.tidy(() => {
    if (alpha === 1) {
      // tfjs's elu kernel has α = 1; then y + 1 = eˣ ≤ 1 for x ≤ 0 and x + 1 > 1 for
      // x > 0, so min(y + 1, 1) is the derivative (1 at x = 0, which is α): 3 kernels.
      const y = tf.elu(x);
      return { y, dydx: tf.minimum(tf.add(y, 1), 1) };
    }
    const alphaExp = tf.mul(alpha, tf.exp(tf.minimum(x, 0))); // α·e^min(x,0); α where x ≥ 0

    const y = tf.add(tf.relu(x), tf.sub(alphaExp, alpha));
    const dydx = tf.add(alphaExp, tf.mul(tf.step(x, 0), tf.sub(1, alphaExp)));
    return { y, dydx };
  });
}

/** ELU with its exact gradient, usable inside `tf.grad`. */
export function elu(x: tf.Tensor, alpha = ELU_DEFAULT_ALPHA): tf.Tensor {
  requireFinite('elu', 'alpha', alpha);

  return withLocalGradient((input) => eluForward(input, alpha))(x);
}

/** ELU as a layer activation. */
export function createElu(alpha = ELU_DEFAULT_ALPHA): Activation {
  requireFinite('elu', 'alpha', alpha);

  return {
    name: 'elu',
    config: { alpha },
    parameterShape: () => null,
    forward: (x) => eluForward(x, alpha),
  };
}
