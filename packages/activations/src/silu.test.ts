import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { createSilu, silu, siluForward } from './silu.js';
import { expectGradientsMatchFiniteDifferences } from './test-utils/gradient-check.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('silu', () => {
  beforeAll(() => useBackend('wasm'));

  it('gives x·σ(βx) and σ(βx) + βx·σ(βx)(1 − σ(βx)) (β = 1 and 2)', () => {
    const points = [-2, -1, 0.5, 3];
    for (const beta of [1, 2]) {
      const { y, dydx } = siluForward(tf.tensor1d(points), beta);
      expect(y.shape).toEqual([4]);
      expect(y.dtype).toBe('float32');
      // Hand derivation: product rule on x·σ(βx) with σ' = σ(1 − σ).
      expectClose(
        values(y),
        points.map((x) => x * sigmoid(beta * x)),
      );
      expectClose(
        values(dydx),
        points.map((x) => {
          const s = sigmoid(beta * x);
          return s + beta * x * s * (1 - s);
        }),
      );
    }
  });

  it('at β = 1 gives SiLU(1) = σ(1) = 0.7310586 and SiLU(−1) = −0.2689414', () => {
    expectClose(values(silu(tf.tensor1d([1, -1]))), [0.7310585786300049, -0.2689414213699951]);
  });

  it('is smooth at 0 with derivative σ(0) = 1/2 for every β', () => {
    for (const beta of [1, 0, -1, 4]) {
      expectClose(values(tf.grad((t) => silu(t, beta))(tf.tensor1d([0]))), [0.5]);
    }
  });

  it('with β = 0 is x/2', () => {
    expectClose(values(silu(tf.tensor1d([-3, 5]), 0)), [-1.5, 2.5]);
  });

  it('matches central differences for β = 1, 0, −1 and 4 on every rank', () => {
    for (const beta of [1, 0, -1, 4]) {
      expectGradientsMatchFiniteDifferences((t) => silu(t, beta), `silu β = ${beta}`);
    }
  });

  it('saturates without NaN for large |x|', () => {
    const { y, dydx } = siluForward(tf.tensor1d([-100, 100]));
    expectClose(values(y), [0, 100]);
    expectClose(values(dydx), [0, 1]);
  });

  it('refuses a β that is not finite, naming it', () => {
    expect(() => createSilu(Infinity)).toThrow(/silu: beta must be a finite number, got Infinity/);
    expect(createSilu().config).toEqual({ beta: 1 });
  });
});
