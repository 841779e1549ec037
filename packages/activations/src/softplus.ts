import * as tf from '@tensorflow/tfjs-core';
import { withLocalGradient } from './custom-gradient.js';
import { log1pExp } from './log1p-exp.js';
import type { Activation, LocalForward } from './types.js';
import { describe, requireFinite } from './validate.js';

/** Softplus's default β. */
export const SOFTPLUS_DEFAULT_BETA = 1;

/**
 * Softplus: y = log(1 + e^(βx))/β, a smooth ReLU; dy/dx = σ(βx), 1/2 at x = 0.
 * Computed as (max(βx, 0) + log1p(e^(−|βx|)))/β (see `log1pExp`), accurate to
 * a few float32 ulps for every x: no overflow for large βx (y = x) and no loss
 * for large −βx (y ≈ e^(βx)/β), so no threshold switch is needed.
 * Dugas, Bengio, Bélisle, Nadeau & Garcia, "Incorporating Second-Order
 * Functional Knowledge for Better Option Pricing", NIPS 2000; β as in PyTorch.
 *
 * @param beta sharpness β > 0, default 1; y → relu(x) as β → ∞.
 * @example
 * softplusForward(tf.tensor1d([-1, 0, 1])).y; // [0.3132617, 0.6931472, 1.3132617]
 */
export function softplusForward(x: tf.Tensor, beta = SOFTPLUS_DEFAULT_BETA): LocalForward {
  requireSoftplusBeta(beta);

  return tf.tidy(() => {
    const scaled = tf.mul(beta, x); // βx, x.shape
    const smooth = log1pExp(scaled); // log(1 + e^(βx))

    const y = beta === 1 ? smooth : tf.div(smooth, beta);
    const dydx = tf.sigmoid(scaled);
    return { y, dydx };
  });
}

/** Softplus with its exact gradient, usable inside `tf.grad`. */
export function softplus(x: tf.Tensor, beta = SOFTPLUS_DEFAULT_BETA): tf.Tensor {
  requireSoftplusBeta(beta);

  return withLocalGradient((input) => softplusForward(input, beta))(x);
}

/** Softplus as a layer activation. */
export function createSoftplus(beta = SOFTPLUS_DEFAULT_BETA): Activation {
  requireSoftplusBeta(beta);

  return {
    name: 'softplus',
    config: { beta },
    parameterShape: () => null,
    forward: (x) => softplusForward(x, beta),
  };
}

function requireSoftplusBeta(beta: number): void {
  requireFinite('softplus', 'beta', beta);
  if (beta <= 0) {
    throw new RangeError(`softplus: beta must be > 0 (y is divided by β), got ${describe(beta)}`);
  }
}
