import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { createMish, mish, mishForward } from './mish.js';
import { expectGradientsMatchFiniteDifferences } from './test-utils/gradient-check.js';

/** Mish as Misra defines it, in double precision. */
const mishOf = (x: number) => x * Math.tanh(Math.log(1 + Math.exp(x)));

describe('mish', () => {
  beforeAll(() => useBackend('wasm'));

  it('gives x·tanh(softplus(x)): mish(1) = tanh(ln(1 + e)) = 0.8650984', () => {
    const points = [-3, -1, 0.4, 1, 2.5];
    const { y, dydx } = mishForward(tf.tensor1d(points));
    expect(y.shape).toEqual([5]);
    expect(y.dtype).toBe('float32');
    expectClose(values(y), points.map(mishOf));
    expectClose(values(y)[3]!, 0.8650983882673103);
    // Reference derivative: central difference of the double-precision definition, h = 1e-5.
    const h = 1e-5;
    expectClose(
      values(dydx),
      points.map((x) => (mishOf(x + h) - mishOf(x - h)) / (2 * h)),
    );
  });

  it('is smooth at 0 with derivative tanh(ln 2) = 3/5', () => {
    // tanh(ln 2) = (2 − 1/2)/(2 + 1/2) = 3/5; the x·(…) term vanishes at 0.
    expectClose(values(tf.grad((t) => mish(t))(tf.tensor1d([0]))), [0.6]);
  });

  it('matches central differences on scalar, 1-D, 2-D and 4-D inputs', () => {
    expectGradientsMatchFiniteDifferences((t) => mish(t), 'mish');
  });

  it('is x for large x and 0 for large −x, without overflow', () => {
    const { y, dydx } = mishForward(tf.tensor1d([-1000, 1000]));
    expectClose(values(y), [0, 1000]);
    expectClose(values(dydx), [0, 1]);
    expect(createMish().config).toEqual({});
  });
});
