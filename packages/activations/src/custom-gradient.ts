import * as tf from '@tensorflow/tfjs-core';
import type { LocalForward } from './types.js';

/**
 * Wraps a forward-with-derivative function as a differentiable op: the
 * gradient is dy ⊙ f'(x), using exactly the derivative computed in the
 * forward pass (for RReLU, the very slopes drawn). Works without tfjs-core's
 * gradient registry, so it differentiates in plain Node too.
 */
export function withLocalGradient(forward: (x: tf.Tensor) => LocalForward) {
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [x, save] = splitArgs(args, 1);
    const { y, dydx } = forward(x[0] as tf.Tensor);
    save([dydx]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, saved[0] as tf.Tensor),
    };
  }) as (x: tf.Tensor) => tf.Tensor;
  return (x: tf.Tensor) => (x.dtype === 'float32' ? op(x) : tf.tidy(() => op(asFloat(x))));
}

/**
 * The activations compute in float32: integer and bool inputs are converted
 * first (tfjs would otherwise truncate slopes such as 0.01 to 0).
 */
export function asFloat(x: tf.Tensor): tf.Tensor {
  return x.dtype === 'float32' ? x : tf.cast(x, 'float32');
}

/**
 * Elementwise derivative of a piecewise-linear activation whose slope is 1
 * for x > 0 and `slope` for x ≤ 0: slope + step(x)·(1 − slope).
 * `slope` is a number or a tensor broadcastable to x;
 * `oneMinusSlope` may be passed when the caller already has it.
 */
export function piecewiseSlope(
  x: tf.Tensor,
  slope: number | tf.Tensor,
  oneMinusSlope?: tf.Tensor,
): tf.Tensor {
  if (typeof slope === 'number') {
    return tf.step(x, slope); // 1 where x > 0, `slope` elsewhere (x = 0 included)
  }
  const complement = oneMinusSlope ?? tf.sub(1, slope);
  return tf.add(slope, tf.mul(tf.step(x, 0), complement));
}

/**
 * Splits the arguments tfjs-core passes to a `customGrad` body into the
 * `count` input tensors and the save function that follows them.
 */
export function splitArgs(
  args: Array<tf.Tensor | tf.GradSaveFunc>,
  count: number,
): [tf.Tensor[], tf.GradSaveFunc] {
  const inputs = args.slice(0, count).filter((arg): arg is tf.Tensor => arg instanceof tf.Tensor);
  const save = args[count];
  if (inputs.length !== count || typeof save !== 'function') {
    throw new Error(`customGrad body expected ${count} tensors and a save function`);
  }
  return [inputs, save];
}
