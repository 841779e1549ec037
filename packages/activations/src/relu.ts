import * as tf from '@tensorflow/tfjs-core';
import { withLocalGradient } from './custom-gradient.js';
import type { Activation, LocalForward } from './types.js';

/**
 * ReLU: y = max(x, 0); dy/dx = 1 for x > 0 and 0 for x ≤ 0 (0 at x = 0).
 * Nair & Hinton, "Rectified Linear Units Improve Restricted Boltzmann
 * Machines", ICML 2010.
 *
 * @example
 * reluForward(tf.tensor([-1, 0, 2])).dydx; // [0, 0, 1]
 */
export function reluForward(x: tf.Tensor): LocalForward {
  return { y: tf.relu(x), dydx: tf.step(x, 0) };
}

/** ReLU with its exact gradient, usable inside `tf.grad` in any tfjs-core program. */
export const relu = withLocalGradient(reluForward);

/** ReLU as a layer activation. */
export function createRelu(): Activation {
  return {
    name: 'relu',
    config: {},
    parameterShape: () => null,
    forward: (x) => reluForward(x),
  };
}
