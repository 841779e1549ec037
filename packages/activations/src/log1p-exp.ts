import * as tf from '@tensorflow/tfjs-core';

/**
 * log(1 + eᶻ) elementwise, to a few float32 ulps of relative error for every
 * z on every backend: max(z, 0) + log1p(e^(−|z|)) never overflows, and the
 * log1p is computed as log(u)·w/(u − 1) with w = e^(−|z|), u = 1 + w (w itself
 * when u rounds to 1), because tfjs-backend-wasm evaluates log1p(w) as
 * log(1 + w) and returns 0 for w < 6e-8. Goldberg, "What Every Computer
 * Scientist Should Know About Floating-Point Arithmetic", 1991, theorem 4.
 *
 * @example
 * log1pExp(tf.tensor1d([-20, 0, 1000])); // [2.0611537e-9, 0.6931472, 1000]
 */
export function log1pExp(z: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const w = tf.exp(tf.neg(tf.abs(z))); // e^(−|z|) in (0, 1], z.shape
    const u = tf.add(1, w);
    const small = tf.div(tf.mul(tf.log(u), w), tf.sub(u, 1)); // NaN only where u = 1

    return tf.add(tf.relu(z), tf.where(tf.equal(u, 1), w, small));
  });
}
