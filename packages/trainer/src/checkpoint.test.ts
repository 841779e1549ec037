import { CheckpointError, type Sequential, softmaxCrossEntropy } from '@rrelu/layers';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../tooling/test-utils/tensors.js';
import { noiseStreams, restoreTrainingState, saveTrainingState } from './checkpoint.js';
import { resolveRunConfig } from './config.js';
import { createOptimizer, type Optimizer } from './optimizers.js';
import { runSeeds } from './seeds.js';
import { buildModel } from './train.js';

const config = resolveRunConfig({
  activation: 'rrelu',
  batchNorm: true,
  hidden: [6, 4],
  seed: 7,
  optimizer: { name: 'adam', learningRate: 0.01 },
});

/** One training step on a fixed random batch of 8 examples of 5 features, 3 classes. */
function step(model: Sequential, optimizer: Optimizer, batchSeed: number): void {
  tf.tidy(() => {
    const x = tf.randomUniform<tf.Rank.R2>([8, 5], -1, 1, 'float32', batchSeed); // [8, 5]
    const y = tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32'); // [8]
    const { dLogits } = softmaxCrossEntropy(model.forward(x, { training: true }), y);
    optimizer.apply(model.parameters(), model.backward(dLogits), 0.01);
  });
}

function weights(model: Sequential): number[][] {
  return [...model.parameters(), ...model.state()].map((p) => [...p.value.dataSync()]);
}

describe('saveTrainingState / restoreTrainingState', () => {
  beforeAll(() => useBackend('wasm'));

  it('restores slots, iterations and noise steps: the next steps are bit-identical', async () => {
    const seeds = runSeeds(config.seed);
    const model = buildModel(config, 5, 3, seeds.init, seeds.noise);
    const optimizer = createOptimizer(config.optimizer);
    for (let i = 0; i < 3; i++) step(model, optimizer, i);

    const saved = await saveTrainingState({ config, model, optimizer, epoch: 1 });
    const restored = await restoreTrainingState({
      manifest: JSON.parse(JSON.stringify(saved.manifest)),
      data: saved.data,
    });
    expect(restored.optimizer.iterations).toBe(3);
    expect(restored.epoch).toBe(1);
    expect(noiseStreams(restored.model).map(([name, s]) => [name, s.step])).toEqual([
      ['activation1', 3],
      ['activation2', 3],
    ]);
    expect(restored.optimizer.slots().map((s) => s.name)).toEqual(
      optimizer.slots().map((s) => s.name),
    );

    expect(weights(restored.model)).toEqual(weights(model));
    // Adam's moments, the bias correction (iterations) and the RReLU draws all
    // enter the next updates; any of them missing would change the weights.
    for (let i = 3; i < 5; i++) {
      step(model, optimizer, i);
      step(restored.model, restored.optimizer, i);
    }
    expect(weights(restored.model)).toEqual(weights(model));

    for (const m of [model, restored.model]) m.dispose();
    for (const o of [optimizer, restored.optimizer]) o.dispose();
  });

  it('refuses a manifest without training metadata', async () => {
    const seeds = runSeeds(config.seed);
    const model = buildModel(config, 5, 3, seeds.init, seeds.noise);
    const optimizer = createOptimizer(config.optimizer);
    const saved = await saveTrainingState({ config, model, optimizer, epoch: 0 });
    const manifest = { ...saved.manifest, metadata: null };

    const error = await restoreTrainingState({ manifest, data: saved.data }).catch((e) => e);
    expect(error).toBeInstanceOf(CheckpointError);
    expect(error.message).toContain('not a training checkpoint');
    model.dispose();
    optimizer.dispose();
  });
});
