import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { Dense } from './dense.js';
import { lossGradientCheck } from './test-utils/gradient-check.js';

describe('Dense', () => {
  beforeAll(() => useBackend('wasm'));

  it('builds bit-identical weights from the same seed, seed 0 included (case P05)', () => {
    const weights = (seed: number) => {
      const layer = new Dense({ units: 10, name: 'out' });
      layer.build(784, { init: seed, noise: seed });
      const data = values(layer.parameters()[0]?.value as tf.Tensor);
      layer.dispose();
      return data;
    };
    expect(weights(42)).toEqual(weights(42));
    expect(weights(0)).toEqual(weights(0));
    expect(weights(0)).not.toEqual(weights(42));
  });

  it('draws Glorot-uniform weights within ±sqrt(6/(in + out)) with variance 2/(in + out)', () => {
    const layer = new Dense({ units: 1024, name: 'dense1' });
    layer.build(784, { init: 1, noise: 1 });
    const w = values(layer.parameters()[0]?.value as tf.Tensor);
    const limit = Math.sqrt(6 / (784 + 1024));
    expect(w.reduce((m, v) => Math.max(m, Math.abs(v)), 0)).toBeLessThanOrEqual(limit);
    // 802,816 draws: the sample variance is within 1 % of 2/(784 + 1024) = 1.106e-3.
    const variance = w.reduce((s, v) => s + v * v, 0) / w.length;
    expect(Math.abs(variance / (2 / (784 + 1024)) - 1)).toBeLessThan(0.01);
    expect(values(layer.parameters()[1]?.value as tf.Tensor).every((b) => b === 0)).toBe(true);
    layer.dispose();
  });

  it('computes x·W + b and refuses the wrong number of features', () => {
    const layer = new Dense({ units: 2, name: 'd' });
    layer.build(3, { init: 0, noise: 0 });
    const [kernel, bias] = layer.parameters();
    kernel?.value.assign(tf.tensor2d([1, 3, 5, 2, 4, 6], [2, 3])); // W = [[1, 3, 5], [2, 4, 6]]
    bias?.value.assign(tf.tensor1d([0.5, -1]));
    // x = [1, 0, -1]: x·Wᵀ = [1 − 5, 2 − 6] = [-4, -4]; plus bias → [-3.5, -5].
    expectClose(values(layer.forward(tf.tensor2d([[1, 0, -1]]), { training: false })), [-3.5, -5]);
    expect(() => layer.forward(tf.zeros([1, 4]) as tf.Tensor2D, { training: false })).toThrow(
      /input has 4 features, expected 3/,
    );
    layer.dispose();
  });

  it('has gradients for W, b and x that match central differences', () => {
    const layer = new Dense({ units: 3, name: 'd' });
    layer.build(4, { init: 7, noise: 7 });
    lossGradientCheck(layer, tf.randomNormal([5, 4], 0, 1, 'float32', 3) as tf.Tensor2D);
    layer.dispose();
  });
});
