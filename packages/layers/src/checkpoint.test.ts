import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../tooling/test-utils/tensors.js';
import { CHECKPOINT_VERSION, CheckpointError, loadWeights, saveWeights } from './checkpoint.js';
import { mlp } from './mlp.js';
import type { Sequential } from './sequential.js';

/** A small batch-norm network whose moving statistics have moved away from 0 and 1. */
function trainedModel(hidden: number[], seed: number, batchNorm = true): Sequential {
  const model = mlp({ activation: 'prelu', batchNorm, hidden, classes: 3 }).build(5, seed);
  tf.tidy(() => {
    model.forward(tf.randomUniform<tf.Rank.R2>([8, 5], -2, 2, 'float32', seed), { training: true });
  });
  return model;
}

function output(model: Sequential): Float32Array {
  return tf.tidy(() => {
    const x = tf.randomUniform<tf.Rank.R2>([4, 5], -3, 3, 'float32', 99); // [4, 5]
    return model.forward(x, { training: false }).dataSync() as Float32Array; // [4, 3]
  });
}

async function refusal(promise: Promise<unknown>): Promise<CheckpointError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CheckpointError);
  return error as CheckpointError;
}

describe('saveWeights / loadWeights', () => {
  beforeAll(() => useBackend('wasm'));

  it('round-trips parameters and moving statistics to a bit-identical forward output', async () => {
    const source = trainedModel([6, 4], 1);
    const saved = await saveWeights(source, { metadata: { note: 'x' } });
    const target = trainedModel([6, 4], 2);
    expect(output(target)).not.toEqual(output(source));

    const rest = await loadWeights(target, saved);
    expect(rest.size).toBe(0);
    expect(output(target)).toEqual(output(source)); // exact: the same float32 bits
    expect(saved.manifest.weights.map((w) => w.name)).toContain('batchNorm1/movingMean');
    expect(saved.manifest.formatVersion).toBe(CHECKPOINT_VERSION);
    expect(saved.manifest.architecture.layers.map((l) => l.name)).toEqual([
      'dense1',
      'batchNorm1',
      'activation1',
      'dense2',
      'batchNorm2',
      'activation2',
      'dense3',
    ]);
    expect(saved.manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    source.dispose();
    target.dispose();
  });

  it('survives a JSON round trip of the manifest and returns extra tensors to the caller', async () => {
    const source = trainedModel([3], 1, false);
    const slot = tf.tensor1d([1, 2, 3]);
    const saved = await saveWeights(source, { extra: [{ name: 'optimizer/x', tensor: slot }] });
    const manifest = JSON.parse(JSON.stringify(saved.manifest));
    const target = trainedModel([3], 5, false);

    const rest = await loadWeights(
      target,
      { manifest, data: saved.data.slice(0) },
      {
        ignore: (name) => name.startsWith('optimizer/'),
      },
    );
    expect([...(rest.get('optimizer/x')?.dataSync() ?? [])]).toEqual([1, 2, 3]);
    expect(output(target)).toEqual(output(source));
    slot.dispose();
    source.dispose();
    target.dispose();
  });

  it('refuses truncated data, naming both byte counts', async () => {
    const model = trainedModel([3], 1);
    const saved = await saveWeights(model);
    const error = await refusal(
      loadWeights(model, { manifest: saved.manifest, data: saved.data.slice(0, -4) }),
    );
    expect(error.code).toBe('length');
    expect(error.message).toContain(`${saved.data.byteLength - 4} bytes`);
    expect(error.message).toContain(`records ${saved.data.byteLength}`);
    model.dispose();
  });

  it('refuses a changed byte through the SHA-256 and leaves the model unchanged', async () => {
    const model = trainedModel([3], 1);
    const before = output(model);
    const saved = await saveWeights(model);
    const data = saved.data.slice(0);
    const bytes = new Uint8Array(data);
    bytes[10] = (bytes[10] as number) ^ 0xff;

    const error = await refusal(loadWeights(model, { manifest: saved.manifest, data }));
    expect(error.code).toBe('checksum');
    expect(error.message).toContain(saved.manifest.sha256);
    expect(output(model)).toEqual(before);
    model.dispose();
  });

  it('refuses an edited manifest (its metadata, here an activation name) through its own SHA-256', async () => {
    const model = trainedModel([3], 1);
    const saved = await saveWeights(model, { metadata: { activation: 'rrelu' } });
    const edited = { ...saved.manifest, metadata: { activation: 'elu' } };

    const error = await refusal(loadWeights(model, { manifest: edited, data: saved.data }));
    expect(error.code).toBe('checksum');
    expect(error.message).toContain('the manifest was edited');
    model.dispose();
  });

  it('refuses a network of another shape, naming the tensor and both shapes', async () => {
    const saved = await saveWeights(trainedModel([6, 4], 1));
    const wider = trainedModel([6, 5], 2);
    const error = await refusal(loadWeights(wider, saved));
    expect(error.code).toBe('shape');
    expect(error.message).toBe(
      'tensor "dense2/kernel" has shape [4,6] in the checkpoint but [5,6] in the model',
    );
    wider.dispose();
  });

  it('refuses missing tensors and left-over tensors', async () => {
    const plain = await saveWeights(trainedModel([3], 1, false));
    const withNorm = trainedModel([3], 1, true);
    const missing = await refusal(loadWeights(withNorm, plain));
    expect(missing.code).toBe('missing');
    expect(missing.message).toContain('"batchNorm1/gamma"');

    const stray = tf.zeros([2]);
    const extra = await saveWeights(withNorm, { extra: [{ name: 'stray/t', tensor: stray }] });
    const leftover = await refusal(loadWeights(withNorm, extra));
    expect(leftover.code).toBe('unexpected');
    expect(leftover.message).toContain('stray/t');
    stray.dispose();
    withNorm.dispose();
  });

  it('refuses another format version', async () => {
    const model = trainedModel([3], 1);
    const saved = await saveWeights(model);
    const manifest: typeof saved.manifest = JSON.parse(
      JSON.stringify({ ...saved.manifest, formatVersion: 99 }),
    );
    const error = await refusal(loadWeights(model, { manifest, data: saved.data }));
    expect(error.code).toBe('version');
    expect(error.message).toContain('version 99');
    model.dispose();
  });
});
