import * as tf from '@tensorflow/tfjs-core';
import { withLocalGradient } from './custom-gradient.js';
import type { Activation, LocalForward } from './types.js';

/** SELU's scale λ (Klambauer et al. 2017, eq. 14), as a double. */
export const SELU_LAMBDA = 1.0507009873554805;
/** SELU's α (Klambauer et al. 2017, eq. 14), as a double. */
export const SELU_ALPHA = 1.6732632423543772;
/** λ·α ≈ 1.7580993: SELU's derivative at x = 0 and its negative-side scale. */
export const SELU_LAMBDA_ALPHA = SELU_LAMBDA * SELU_ALPHA;

/**
 * SELU, the scaled ELU: y = λ·x for x > 0 and λ·α·(eˣ − 1) for x ≤ 0, with
 * λ ≈ 1.0507010 and α ≈ 1.6732632 fixed (they make mean 0, variance 1 a
 * stable fixed point of a layer's activations, so there are no options).
 * dy/dx = λ for x > 0 and λ·α·eˣ for x ≤ 0; at x = 0 the negative side's λ·α
 * ≈ 1.7580993 (the ELU convention). eˣ − 1 is computed as expm1(x) and only
 * for min(x, 0), so nothing overflows.
 * Klambauer, Unterthiner, Mayr & Hochreiter, "Self-Normalizing Neural
 * Networks", NeurIPS 2017.
 *
 * @example
 * seluForward(tf.tensor1d([-1, 0, 1])).dydx; // [0.6467686, 1.7580993, 1.0507010]
 */
export function seluForward(x: tf.Tensor): LocalForward {
  return tf.tidy(() => {
    const negative = tf.minimum(x, 0);
    const scaledExp = tf.mul(SELU_LAMBDA_ALPHA, tf.exp(negative)); // λα·e^min(x,0); λα for x ≥ 0

    const y = tf.add(
      tf.mul(SELU_LAMBDA, tf.relu(x)),
      tf.mul(SELU_LAMBDA_ALPHA, tf.expm1(negative)),
    );
    const dydx = tf.add(scaledExp, tf.mul(tf.step(x, 0), SELU_LAMBDA - SELU_LAMBDA_ALPHA));
    return { y, dydx };
  });
}

/** SELU with its exact gradient, usable inside `tf.grad`. */
export const selu = withLocalGradient(seluForward);

/** SELU as a layer activation (no options). */
export function createSelu(): Activation {
  return {
    name: 'selu',
    config: { lambda: SELU_LAMBDA, alpha: SELU_ALPHA },
    parameterShape: () => null,
    forward: (x) => seluForward(x),
  };
}
