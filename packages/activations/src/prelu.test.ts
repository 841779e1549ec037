import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  centralDifference,
  expectClose,
  useBackend,
  values,
} from '../../../tooling/test-utils/tensors.js';
import { createPrelu, prelu } from './prelu.js';
import {
  CHECK_SHAPES,
  CHECK_STEP,
  GRADIENT_TOLERANCE,
  inputAwayFromKink,
} from './test-utils/gradient-check.js';

describe('prelu', () => {
  beforeAll(() => useBackend('wasm'));

  it("sums the slope gradient over the batch and keeps alpha's shape (case P06)", () => {
    const x = tf.tensor2d([
      [-1, 2, -3],
      [-4, 5, -6],
    ]);
    const alpha = tf.tensor1d([0.1, 0.2, 0.3]);
    const [dx, dAlpha] = tf.grads((a, b) => prelu(a as tf.Tensor, b as tf.Tensor))([x, alpha]);
    expect(dAlpha?.shape).toEqual([3]);
    // d alpha_j = Σ_i x_ij over x_ij ≤ 0: column 0: -1 - 4, column 1: none, column 2: -3 - 6.
    expectClose(values(dAlpha as tf.Tensor), [-5, 0, -9]);
    expectClose(values(dx as tf.Tensor), [0.1, 1, 0.3, 0.1, 1, 0.3]);
  });

  it('keeps one slope per channel after dense and conv layers (case P07)', () => {
    const perChannel = createPrelu();
    expect(perChannel.parameterShape([128])).toEqual([128]);
    expect(perChannel.parameterShape([24, 24, 32])).toEqual([32]);
    expect(createPrelu({ sharing: 'element' }).parameterShape([24, 24, 32])).toEqual([24, 24, 32]);
    expect(createPrelu({ sharing: 'shared' }).parameterShape([24, 24, 32])).toEqual([1]);
  });

  it('accepts any height and width with per-channel slopes on 4-D input (case P07)', () => {
    const x = tf.randomNormal([2, 5, 7, 32]);
    const alpha = tf.fill([32], 0.25);
    const [, dAlpha] = tf.grads((a, b) => prelu(a as tf.Tensor, b as tf.Tensor))([x, alpha]);
    expect(dAlpha?.shape).toEqual([32]);
  });

  it("starts at He et al.'s 0.25 and refuses an unknown sharing", () => {
    expect(createPrelu().initialParameter).toBe(0.25);
    expect(() => createPrelu({ sharing: 'row' as 'channel' })).toThrow(
      /sharing must be one of channel, shared, element, got "row"/,
    );
  });
});

describe('prelu gradients', () => {
  beforeAll(() => useBackend('wasm'));

  it('dx matches central differences on every rank (one slope per channel)', () => {
    for (const shape of CHECK_SHAPES) {
      const channels = shape[shape.length - 1] ?? 1;
      const alpha = shape.length === 0 ? tf.scalar(0.3) : tf.linspace(-0.5, 1.5, channels);
      const op = (t: tf.Tensor) => prelu(t, alpha);
      const x = inputAwayFromKink(shape);
      expectClose(values(tf.grad(op)(x)), centralDifference(op, x, CHECK_STEP), GRADIENT_TOLERANCE);
    }
  });

  it('d alpha matches central differences, one slope perturbed at a time (4-D input)', () => {
    const x = inputAwayFromKink([2, 3, 2, 3]);
    const alpha = tf.tensor1d([0.1, 0.25, -0.4]);
    const [, dAlpha] = tf.grads((a, b) => prelu(a as tf.Tensor, b as tf.Tensor))([x, alpha]);
    const sum = (a: tf.Tensor) => values(tf.sum(prelu(x, a)))[0] as number;
    // y is linear in alpha, so the central difference is exact up to float32 rounding.
    const h = 1e-2;
    const numeric = [0, 1, 2].map((j) => {
      const bump = tf.tensor1d([0, 1, 2].map((k) => (k === j ? 1 : 0)));
      return (sum(tf.add(alpha, tf.mul(h, bump))) - sum(tf.sub(alpha, tf.mul(h, bump)))) / (2 * h);
    });
    expect(dAlpha?.shape).toEqual([3]);
    expectClose(values(dAlpha as tf.Tensor), numeric, GRADIENT_TOLERANCE);
  });

  it('takes the slope at x = 0 for dx and adds nothing to d alpha there', () => {
    const [dx, dAlpha] = tf.grads((a, b) => prelu(a as tf.Tensor, b as tf.Tensor))([
      tf.tensor1d([0, 0]),
      tf.tensor1d([0.2, 0.7]),
    ]);
    expectClose(values(dx as tf.Tensor), [0.2, 0.7]);
    expectClose(values(dAlpha as tf.Tensor), [0, 0]); // Σ dy·min(x, 0) = 0
  });
});

describe('prelu input checks', () => {
  beforeAll(() => useBackend('wasm'));

  it('names alpha and both shapes when alpha does not broadcast', () => {
    expect(() => prelu(tf.zeros([2, 2]), tf.tensor1d([0.1, 0.2, 0.3]))).toThrow(
      /prelu: alpha of shape \[3\] does not broadcast over x of shape \[2,2\]/,
    );
    const notATensor: unknown = 0.1;
    expect(() => prelu(tf.zeros([2, 2]), notATensor as tf.Tensor)).toThrow(
      /alpha must be a tensor of slopes, got 0.1/,
    );
  });

  it('converts integer input to float32 first: slopes are not truncated', () => {
    const y = prelu(tf.tensor1d([-2, 3], 'int32'), tf.tensor1d([0.25]));
    expect(y.dtype).toBe('float32');
    expectClose(values(y), [-0.5, 3]);
  });
});
