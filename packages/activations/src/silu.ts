import * as tf from '@tensorflow/tfjs-core';
import { withLocalGradient } from './custom-gradient.js';
import type { Activation, LocalForward } from './types.js';
import { requireFinite } from './validate.js';

/** SiLU's default β: 1 gives SiLU (Elfwing et al.), the Swish-1 of Ramachandran et al. */
export const SILU_DEFAULT_BETA = 1;

/**
 * SiLU / Swish: y = x·σ(βx), σ the logistic sigmoid.
 * dy/dx = σ(βx) + βx·σ(βx)·σ(−βx); smooth, 1/2 at x = 0 for every β.
 * σ(−βx) is computed directly (not as 1 − σ(βx)) so the product stays
 * accurate in the tails; σ saturates to 0 or 1 without overflow.
 * Elfwing, Uchibe & Doya, "Sigmoid-Weighted Linear Units for Neural Network
 * Function Approximation in Reinforcement Learning", Neural Networks 2018;
 * Ramachandran, Zoph & Le, "Searching for Activation Functions", arXiv
 * 1710.05941, 2017 (Swish with β).
 *
 * @param beta any finite β, default 1; β = 0 gives x/2, large β approaches ReLU.
 * @example
 * siluForward(tf.tensor1d([-1, 0, 1])).y; // [-0.2689414, 0, 0.7310586]
 */
export function siluForward(x: tf.Tensor, beta = SILU_DEFAULT_BETA): LocalForward {
  requireFinite('silu', 'beta', beta);

  return tf.tidy(() => {
    const scaled = tf.mul(beta, x); // βx, x.shape
    const gate = tf.sigmoid(scaled);

    const y = tf.mul(x, gate);
    const dydx = tf.add(gate, tf.mul(scaled, tf.mul(gate, tf.sigmoid(tf.neg(scaled)))));
    return { y, dydx };
  });
}

/** SiLU / Swish with its exact gradient, usable inside `tf.grad`. */
export function silu(x: tf.Tensor, beta = SILU_DEFAULT_BETA): tf.Tensor {
  requireFinite('silu', 'beta', beta);

  return withLocalGradient((input) => siluForward(input, beta))(x);
}

/**
 * SiLU / Swish as a layer activation.
 *
 * TODO: β is a fixed option; Swish's trainable β (Ramachandran et al.) is not
 * offered (it would need parameterShape/parameterGradient, as PReLU has).
 */
export function createSilu(beta = SILU_DEFAULT_BETA): Activation {
  requireFinite('silu', 'beta', beta);

  return {
    name: 'silu',
    config: { beta },
    parameterShape: () => null,
    forward: (x) => siluForward(x, beta),
  };
}
