import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, scoped, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { ActivationLayer } from './activation-layer.js';
import { softmaxCrossEntropy } from './loss.js';
import { mlp } from './mlp.js';
import { lossGradientCheck } from './test-utils/gradient-check.js';

describe('softmaxCrossEntropy', () => {
  beforeAll(() => useBackend('wasm'));

  it('gives ln 2 and (softmax − onehot)/B for equal logits', () => {
    const { loss, dLogits, correct } = softmaxCrossEntropy(
      tf.tensor2d([
        [0, 0],
        [1, 3],
      ]),
      tf.tensor1d([0, 1], 'int32'),
    );
    // Row 1: −ln(1/2); row 2: −ln(e³/(e + e³)) = ln(1 + e^−2).
    expectClose(values(loss), [(Math.LN2 + Math.log(1 + Math.exp(-2))) / 2]);
    const p = 1 / (1 + Math.exp(-2));
    expectClose(values(dLogits), [(0.5 - 1) / 2, 0.5 / 2, (1 - p) / 2, (p - 1) / 2]);
    expect(values(correct)).toEqual([2]);
  });
});

describe('mlp', () => {
  beforeAll(() => useBackend('wasm'));

  it("counts the comparison network's parameters: 784·1024 + 1024 + 1024·128 + 128 + 128·10 + 10", () => {
    const model = mlp({ activation: 'relu' }).build(784, 0);
    expect(model.countParameters()).toBe(784 * 1024 + 1024 + 1024 * 128 + 128 + 128 * 10 + 10);
    expect(model.summary()).toContain('dense 784 → 1024');
    model.dispose();
  });

  it('gives batch norm the bias role and PReLU one slope per unit', () => {
    const model = mlp({ activation: 'prelu', batchNorm: true, hidden: [6, 4] }).build(5, 0);
    expect(model.parameters().map((p) => `${p.name}:${p.value.shape}`)).toEqual([
      'dense1/kernel:6,5',
      'batchNorm1/gamma:6',
      'batchNorm1/beta:6',
      'activation1/alpha:6',
      'dense2/kernel:4,6',
      'batchNorm2/gamma:4',
      'batchNorm2/beta:4',
      'activation2/alpha:4',
      'dense3/kernel:10,4',
      'dense3/bias:10',
    ]);
    expect(
      model
        .parameters()
        .filter((p) => p.decay)
        .map((p) => p.name),
    ).toEqual(['dense1/kernel', 'dense2/kernel', 'dense3/kernel']);
    model.dispose();
  });

  it('back-propagates the loss to every parameter as central differences do', () => {
    for (const activation of ['relu', 'prelu', 'elu'] as const) {
      const model = mlp({ activation, batchNorm: true, hidden: [4, 3], classes: 3 }).build(5, 2);
      const x = tf.randomNormal([6, 5], 0, 1, 'float32', 1) as tf.Tensor2D;
      const labels = tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32');
      const loss = () =>
        tf.tidy(
          () =>
            softmaxCrossEntropy(
              model.forward(x, { training: true }),
              labels,
            ).loss.dataSync()[0] as number,
        );
      const analytic = scoped(() => {
        const { dLogits } = softmaxCrossEntropy(model.forward(x, { training: true }), labels);
        return new Map([...model.backward(dLogits)].map(([k, v]) => [k, values(v)]));
      });
      for (const p of model.parameters()) {
        const original = values(p.value);
        const numeric = original.map((_, i) => {
          const at = (delta: number) => {
            const copy = original.slice();
            copy[i] = (copy[i] as number) + delta;
            p.value.assign(tf.tensor(copy, p.value.shape));
            return loss();
          };
          const slope = (at(1e-3) - at(-1e-3)) / 2e-3; // small h: fewer ReLU kinks crossed
          p.value.assign(tf.tensor(original, p.value.shape));
          return slope;
        });
        expectClose(analytic.get(p.name) ?? [], numeric, 3e-3);
      }
      model.dispose();
    }
  });

  it('passes dy ⊙ slope back through an activation layer and gives PReLU its slope gradient', () => {
    const layer = new ActivationLayer({ activation: 'prelu' });
    layer.build(3, { init: 0, noise: 0 });
    lossGradientCheck(
      layer,
      tf.tensor2d([
        [-1, 2, -3],
        [-4, 5, -6],
      ]),
    );
    layer.dispose();
  });
});

describe('model lifetime', () => {
  beforeAll(() => useBackend('wasm'));

  it('returns the tensor count to its baseline when a model is built and disposed (case P12)', () => {
    const baseline = tf.memory().numTensors;
    const model = mlp({ activation: 'prelu', batchNorm: true }).build(784, 1);
    expect(tf.memory().numTensors).toBe(
      baseline + model.parameters().length + model.state().length,
    );
    model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
