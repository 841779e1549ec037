import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  centralDifference,
  expectClose,
  useBackend,
  values,
} from '../../../tooling/test-utils/tensors.js';
import { createLeakyRelu, leakyRelu } from './leaky-relu.js';
import { expectGradientsMatchFiniteDifferences } from './test-utils/gradient-check.js';

const gradOf = (alpha: number, x: tf.Tensor) => values(tf.grad((t) => leakyRelu(t, alpha))(x));

describe('leakyRelu', () => {
  beforeAll(() => useBackend('wasm'));

  it('with slope 0 has gradient 0 for x ≤ 0 and 1 for x > 0 (case P08)', () => {
    const x = tf.range(-5, 5); // -5 … 4
    const expected = values(x).map((v) => (v > 0 ? 1 : 0));
    expectClose(gradOf(0, x), expected);
  });

  it('with slope -2 gives y = [2, 1] and gradient [-2, 1] on x = [-1, 1] (case P08)', () => {
    const x = tf.tensor1d([-1, 1]);
    expectClose(values(leakyRelu(x, -2)), [2, 1]);
    expectClose(gradOf(-2, x), [-2, 1]);
  });

  it('takes the negative-side slope at exactly x = 0', () => {
    expectClose(gradOf(0.01, tf.tensor1d([0])), [0.01]);
  });

  it('matches central differences away from the kink, slope 3 (steeper than 1)', () => {
    const x = tf.tensor2d([
      [-2.5, -0.3, 0.4],
      [1.7, -1.1, 2.2],
    ]);
    expectClose(
      gradOf(3, x),
      centralDifference((t) => leakyRelu(t, 3), x),
      1e-3,
    );
  });

  it('matches central differences for slopes 0.01, 1/5.5, 0, −2 and 3 on every rank', () => {
    for (const alpha of [0.01, 1 / 5.5, 0, -2, 3]) {
      expectGradientsMatchFiniteDifferences((t) => leakyRelu(t, alpha), `leakyRelu ${alpha}`);
    }
  });

  it('refuses a slope that is not a finite number, naming it', () => {
    expect(() => createLeakyRelu(Number.NaN)).toThrow(/alpha must be a finite number, got NaN/);
  });
});
