import { type Dataset, loadMnist } from '@rrelu/data-mnist';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../tooling/test-utils/tensors.js';
import type { TrainEvent } from './events.js';
import { evaluate } from './evaluate.js';
import { train } from './train.js';

const small = { epochs: 2, batchSize: 20, hidden: [32, 16] } as const;

describe('train', () => {
  let data: Dataset;

  beforeAll(async () => {
    await useBackend('wasm');
    data = await loadMnist({ validationSize: 100, trainSize: 200, testSize: 200 });
  });

  it('gives bit-identical metrics for the same seed, and different ones for another seed', async () => {
    const strip = (r: Awaited<ReturnType<typeof train>>) =>
      r.epochs.map(({ seconds, examplesPerSecond, ...rest }) => rest);
    for (const activation of ['rrelu', 'prelu']) {
      const config = { ...small, activation, batchNorm: true, seed: 3 };
      const a = strip(await train(config, data));
      const b = strip(await train(config, data));
      expect(a).toEqual(b);
      expect(strip(await train({ ...config, seed: 4 }, data))).not.toEqual(a);
    }
  });

  it('learns: the loss falls from the first epoch to the third', async () => {
    const result = await train(
      { ...small, epochs: 3, activation: 'relu', optimizer: { name: 'adam', learningRate: 1e-3 } },
      data,
    );
    const [first, , third] = result.epochs;
    expect(third?.trainLoss).toBeLessThan(first?.trainLoss ?? 0);
    expect(result.divergence).toBeNull();
  });

  it('keeps the tensor count flat from step 2 and back at its baseline after the run (case P12)', async () => {
    const baseline = tf.memory().numTensors;
    const counts: number[] = [];
    await train({ ...small, activation: 'rrelu', batchNorm: true }, data, {
      reportEvery: 1,
      onEvent: (event) => {
        if (event.type === 'step') counts.push(tf.memory().numTensors);
      },
    });
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('records a divergence instead of throwing when the loss stops being finite', async () => {
    const events: TrainEvent[] = [];
    const result = await train(
      { ...small, activation: 'relu', optimizer: { name: 'sgd', learningRate: 1e6 } },
      data,
      { onEvent: (event) => events.push(event) },
    );
    expect(result.divergence).not.toBeNull();
    expect(Number.isFinite(result.divergence?.loss)).toBe(false);
    expect(result.divergence?.step).toBeGreaterThan(1);
    expect(events.some((e) => e.type === 'divergence')).toBe(true);
    expect(events.at(-1)?.type).toBe('end');
  });

  it('stops when aborted and keeps the epochs that finished', async () => {
    const controller = new AbortController();
    const result = await train({ ...small, epochs: 3, activation: 'elu' }, data, {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'epoch') controller.abort();
      },
    });
    expect(result.interrupted).toBe(true);
    expect(result.epochs).toHaveLength(1);
  });

  it('refuses a bad configuration, naming the key and value', async () => {
    await expect(train({ epochs: 0 }, data)).rejects.toThrow(
      /epochs must be a whole number ≥ 1, got 0/,
    );
    await expect(train({ activation: 'nope' }, data)).rejects.toThrow(/unknown activation "nope"/);
  });
});

describe('fused optimizer updates inside training', () => {
  beforeAll(() => useBackend('wasm'));

  it('train exactly as the tfjs-op updates through matMul layers (to float32 rounding)', async () => {
    const data = await loadMnist({ validationSize: 100, trainSize: 200, testSize: 200 });
    const losses = async (implementation: 'fused' | 'ops') => {
      const seen: number[] = [];
      await train(
        {
          ...small,
          activation: 'relu',
          optimizer: { name: 'adam', learningRate: 1e-2, implementation },
        },
        data,
        {
          reportEvery: 1,
          onEvent: (e) => {
            if (e.type === 'step') seen.push(e.loss);
          },
        },
      );
      return seen;
    };
    const fused = await losses('fused');
    const ops = await losses('ops');
    expect(fused).toHaveLength(ops.length);
    fused.forEach((loss, i) => {
      expect(Math.abs(loss - (ops[i] ?? 0))).toBeLessThan(1e-4);
    });
  });
});

describe('onTrained', () => {
  it('hands over the trained model before disposing it', async () => {
    await useBackend('wasm');
    const data = await loadMnist({ validationSize: 100, trainSize: 200, testSize: 200 });
    let accuracy = Number.NaN;
    const result = await train({ ...small, activation: 'relu' }, data, {
      onTrained: ({ model, epoch }) => {
        expect(epoch).toBe(2);
        // Evaluating the handed-over model reproduces the last epoch's test accuracy.
        accuracy = evaluate(model, data.test, 10).accuracy;
      },
    });
    expect(accuracy).toBe(result.epochs.at(-1)?.testAccuracy);
  });
});
