import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { createPrelu, prelu } from './prelu.js';

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
