import * as tf from '@tensorflow/tfjs-core';
import { withLocalGradient } from './custom-gradient.js';
import { log1pExp } from './log1p-exp.js';
import type { Activation, LocalForward } from './types.js';

/**
 * Mish: y = x·tanh(softplus(x)), softplus(x) = log(1 + eˣ).
 * dy/dx = tanh(sp) + x·(1 − tanh²(sp))·σ(x), since d sp/dx = σ(x); smooth,
 * tanh(log 2) = 3/5 at x = 0. softplus is computed by `log1pExp`, so nothing
 * overflows; no options.
 * Misra, "Mish: A Self Regularized Non-Monotonic Activation Function", arXiv
 * 1908.08681, 2019 (BMVC 2020).
 *
 * @example
 * mishForward(tf.tensor1d([0, 1])).y; // [0, 0.8650984]
 */
export function mishForward(x: tf.Tensor): LocalForward {
  return tf.tidy(() => {
    const gate = tf.tanh(log1pExp(x)); // tanh(softplus(x)), x.shape

    const y = tf.mul(x, gate);
    // TODO: 1 − tanh² cancels for x > 9 (tanh rounds to 1 in float32): the derivative stays
    // within 1e-7 absolute but loses its relative precision there.
    const sech2 = tf.sub(1, tf.square(gate)); // 1 − tanh²(sp)
    const dydx = tf.add(gate, tf.mul(tf.mul(x, sech2), tf.sigmoid(x)));
    return { y, dydx };
  });
}

/** Mish with its exact gradient, usable inside `tf.grad`. */
export const mish = withLocalGradient(mishForward);

/** Mish as a layer activation (no options). */
export function createMish(): Activation {
  return {
    name: 'mish',
    config: {},
    parameterShape: () => null,
    forward: (x) => mishForward(x),
  };
}
