import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { createSoftplus, softplus, softplusForward } from './softplus.js';
import { expectGradientsMatchFiniteDifferences } from './test-utils/gradient-check.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('softplus', () => {
  beforeAll(() => useBackend('wasm'));

  it('gives log(1 + e^(βx))/β and σ(βx) (β = 1 and 2)', () => {
    const points = [-2, -1, 0, 1, 3];
    for (const beta of [1, 2]) {
      const { y, dydx } = softplusForward(tf.tensor1d(points), beta);
      expect(y.shape).toEqual([5]);
      expect(y.dtype).toBe('float32');
      // The definition, evaluated in double precision where it does not overflow.
      expectClose(
        values(y),
        points.map((x) => Math.log(1 + Math.exp(beta * x)) / beta),
      );
      expectClose(
        values(dydx),
        points.map((x) => sigmoid(beta * x)),
      );
    }
  });

  it('at 0 gives ln 2 / β and derivative 1/2', () => {
    expectClose(values(softplus(tf.tensor1d([0]), 4)), [Math.LN2 / 4]);
    expectClose(values(tf.grad((t) => softplus(t, 4))(tf.tensor1d([0]))), [0.5]);
  });

  it('is exact for large |x|: x for large x (no overflow), e^(βx)/β for large −x', () => {
    const { y, dydx } = softplusForward(tf.tensor1d([1000, 100, -20, -1000]));
    // log(1 + e^−20) = e^−20 − e^−40/2 + … = 2.0611536e-9; e^−1000 underflows to 0.
    expectClose(values(y), [1000, 100, Math.exp(-20), 0]);
    expect(Math.abs(values(y)[2]! / Math.exp(-20) - 1)).toBeLessThan(1e-5);
    expectClose(values(dydx), [1, 1, Math.exp(-20), 0]);
    expectClose(values(softplusForward(tf.tensor1d([50]), 4).y), [50]);
  });

  it('matches central differences for β = 1, 0.5 and 4 on every rank', () => {
    for (const beta of [1, 0.5, 4]) {
      expectGradientsMatchFiniteDifferences((t) => softplus(t, beta), `softplus β = ${beta}`);
    }
  });

  it('refuses β ≤ 0 and non-finite β, naming the option and the value', () => {
    expect(() => createSoftplus(0)).toThrow(
      /softplus: beta must be > 0 \(y is divided by β\), got 0/,
    );
    expect(() => createSoftplus(-2)).toThrow(/beta must be > 0.*got -2/);
    expect(() => softplus(tf.scalar(1), Number.NaN)).toThrow(
      /softplus: beta must be a finite number, got NaN/,
    );
    expect(createSoftplus().config).toEqual({ beta: 1 });
  });
});
