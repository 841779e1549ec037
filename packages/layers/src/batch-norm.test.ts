import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { BatchNorm } from './batch-norm.js';
import { lossGradientCheck } from './test-utils/gradient-check.js';

const stateOf = (bn: BatchNorm) => bn.state().map((s) => values(s.value));

describe('BatchNorm', () => {
  beforeAll(() => useBackend('wasm'));

  it('normalizes with batch statistics and updates moving mean and unbiased variance', () => {
    const bn = new BatchNorm({ decay: 0.9, epsilon: 0 });
    bn.build(2);
    // Columns [1, 3] and [2, 6]: means 2 and 4, biased variances 1 and 4,
    // unbiased (×2/1) 2 and 8; so x̂ = [[-1, -1], [1, 1]].
    const y = bn.forward(
      tf.tensor2d([
        [1, 2],
        [3, 6],
      ]),
      { training: true },
    );
    expect(y.shape).toEqual([2, 2]);
    expectClose(values(y), [-1, -1, 1, 1]);
    // moving = 0.9·initial + 0.1·batch, from mean 0 and variance 1.
    const [movingMean, movingVariance] = stateOf(bn);
    expectClose(movingMean ?? [], [0.2, 0.4]);
    expectClose(movingVariance ?? [], [0.9 + 0.2, 0.9 + 0.8]);
    bn.dispose();
  });

  it('uses the moving statistics in evaluation, scaled by γ and shifted by β', () => {
    const bn = new BatchNorm({ epsilon: 0 });
    bn.build(2);
    const [gamma, beta] = bn.parameters();
    const [movingMean, movingVariance] = bn.state();
    gamma?.value.assign(tf.tensor1d([2, 3]));
    beta?.value.assign(tf.tensor1d([1, -1]));
    movingMean?.value.assign(tf.tensor1d([1, 2]));
    movingVariance?.value.assign(tf.tensor1d([4, 9]));
    // y = γ·(x − μ)/σ + β: [2·(5 − 1)/2 + 1, 3·(−1 − 2)/3 − 1] = [5, −4].
    expectClose(values(bn.forward(tf.tensor2d([[5, -1]]), { training: false })), [5, -4]);
    bn.dispose();
  });

  it('gives evaluation/training ratio sqrt(63/64) once the moving variance settles (case P10)', () => {
    const bn = new BatchNorm({ epsilon: 0, scale: false, center: false, decay: 0.5 });
    bn.build(3);
    const x = tf.randomNormal([64, 3], 0, 2, 'float32', 5) as tf.Tensor2D;
    let train = tf.zeros([64, 3]);
    for (let i = 0; i < 60; i++) {
      train.dispose();
      train = bn.forward(x, { training: true }); // 0.5^60 of the initial statistics remain
    }
    const evaluation = bn.forward(x, { training: false });
    const ratios = values(tf.div(evaluation, train));
    expectClose(ratios, new Array(ratios.length).fill(Math.sqrt(63 / 64)), 1e-5);
    bn.dispose();
  });

  it('has gradients for x, γ and β that match central differences', () => {
    const bn = new BatchNorm({ decay: 1, epsilon: 1e-3 }); // decay 1 keeps the state fixed while probing
    bn.build(3);
    bn.parameters()[0]?.value.assign(tf.tensor1d([0.5, 2, -1]));
    lossGradientCheck(bn, tf.randomNormal([6, 3], 0, 1, 'float32', 9) as tf.Tensor2D);
    bn.dispose();
  });

  it('adds exactly one tensor per training forward inside tidy (case P11)', () => {
    const bn = new BatchNorm();
    bn.build(4);
    const x = tf.randomNormal([8, 4]) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    const outputs = [1, 2, 3].map(() => tf.tidy(() => bn.forward(x, { training: true })));
    expect(tf.memory().numTensors).toBe(before + 3);
    tf.dispose(outputs);
    bn.dispose();
  });

  it('refuses a batch of one in training and a decay outside [0, 1]', () => {
    const bn = new BatchNorm();
    bn.build(2);
    expect(() => bn.forward(tf.zeros([1, 2]) as tf.Tensor2D, { training: true })).toThrow(
      /at least 2, got 1/,
    );
    expect(() => new BatchNorm({ decay: 1.5 })).toThrow(
      /decay must be a number in \[0, 1\], got 1.5/,
    );
    bn.dispose();
  });
});
