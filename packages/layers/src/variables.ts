import * as tf from '@tensorflow/tfjs-core';

/**
 * Creates a variable from an initial value without leaking that value:
 * `tf.variable` leaves its argument alive, so the value is made and released
 * inside a tidy scope while the variable (never tracked by scopes) survives.
 */
export function newVariable<R extends tf.Rank>(
  initial: () => tf.Tensor<R>,
  trainable: boolean,
): tf.Variable<R> {
  return tf.tidy(() => tf.variable(initial(), trainable));
}
