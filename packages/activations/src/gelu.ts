import * as tf from '@tensorflow/tfjs-core';
import { withLocalGradient } from './custom-gradient.js';
import { normalCdfTensor, normalPdfTensor } from './normal-distribution.js';
import type { Activation, LocalForward } from './types.js';
import { requireOneOf } from './validate.js';

/** `none`: the exact x·Φ(x); `tanh`: Hendrycks & Gimpel's tanh approximation. */
export type GeluApproximation = 'none' | 'tanh';
export const GELU_APPROXIMATIONS: readonly GeluApproximation[] = ['none', 'tanh'];
/** The exact form is the default, as in PyTorch. */
export const GELU_DEFAULT_APPROXIMATION: GeluApproximation = 'none';
/** The cubic coefficient of the tanh approximation (Hendrycks & Gimpel 2016). */
export const GELU_TANH_CUBIC = 0.044715;

/** Options of GELU. */
export interface GeluOptions {
  /** `none` (default) for x·Φ(x), `tanh` for the tanh approximation. */
  approximate?: GeluApproximation;
}

/**
 * GELU, the Gaussian error linear unit. Smooth, so the derivative at x = 0 is
 * its true value 1/2 in both forms.
 *
 * - `none`: y = x·Φ(x), dy/dx = Φ(x) + x·φ(x), with Φ and φ the standard
 *   normal distribution and density. Φ comes from its smaller tail, so it keeps
 *   its relative precision for large negative x (see `normalCdf`).
 * - `tanh`: y = x/2·(1 + tanh(u)), u = √(2/π)·(x + 0.044715·x³), computed as
 *   x·σ(2u) (equal, since 1 + tanh(u) = 2σ(2u)); dy/dx = σ(2u) +
 *   2x·σ(2u)·σ(−2u)·√(2/π)·(1 + 3·0.044715·x²).
 *
 * Hendrycks & Gimpel, "Gaussian Error Linear Units (GELUs)", arXiv 1606.08415, 2016.
 *
 * @param options `approximate`: `none` (default) or `tanh`.
 * @example
 * geluForward(tf.tensor1d([-1, 0, 1])).y; // [-0.1586553, 0, 0.8413447]
 */
export function geluForward(x: tf.Tensor, options: GeluOptions = {}): LocalForward {
  const approximate = resolveGeluApproximation(options);

  return tf.tidy(() => {
    if (approximate === 'tanh') return tanhForward(x);

    const cdf = normalCdfTensor(x); // Φ(x), x.shape
    const y = tf.mul(x, cdf);
    const dydx = tf.add(cdf, tf.mul(x, normalPdfTensor(x)));
    return { y, dydx };
  });
}

/** GELU with its exact gradient, usable inside `tf.grad`. */
export function gelu(x: tf.Tensor, options: GeluOptions = {}): tf.Tensor {
  const approximate = resolveGeluApproximation(options);

  return withLocalGradient((input) => geluForward(input, { approximate }))(x);
}

/** GELU as a layer activation. */
export function createGelu(options: GeluOptions = {}): Activation {
  const approximate = resolveGeluApproximation(options);

  return {
    name: 'gelu',
    config: { approximate },
    parameterShape: () => null,
    forward: (x) => geluForward(x, { approximate }),
  };
}

function resolveGeluApproximation(options: GeluOptions): GeluApproximation {
  return requireOneOf(
    'gelu',
    'approximate',
    options.approximate ?? GELU_DEFAULT_APPROXIMATION,
    GELU_APPROXIMATIONS,
  );
}

/** The tanh form and its derivative; call inside a tidy. */
function tanhForward(x: tf.Tensor): { y: tf.Tensor; dydx: tf.Tensor } {
  const c = Math.sqrt(2 / Math.PI);
  const square = tf.square(x);
  const twoU = tf.mul(2 * c, tf.mul(x, tf.add(1, tf.mul(GELU_TANH_CUBIC, square)))); // 2u
  const gate = tf.sigmoid(twoU); // σ(2u) = (1 + tanh u)/2
  const dTwoU = tf.mul(2 * c, tf.add(1, tf.mul(3 * GELU_TANH_CUBIC, square))); // d(2u)/dx

  const y = tf.mul(x, gate);
  const dydx = tf.add(gate, tf.mul(tf.mul(x, dTwoU), tf.mul(gate, tf.sigmoid(tf.neg(twoU)))));
  return { y, dydx };
}
