import type { Split } from '@rrelu/data-mnist/browser';
import { fillBatch } from '@rrelu/data-mnist/browser';
import { type Sequential, softmaxCrossEntropy } from '@rrelu/layers';
import * as tf from '@tensorflow/tfjs-core';

/** Evaluation of a model on one split, in evaluation mode. */
export interface Evaluation {
  count: number;
  loss: number;
  accuracy: number;
  /** confusion[label][predicted] = count. */
  confusion: number[][];
  /** Accuracy per true class (NaN for a class with no examples). */
  perClassAccuracy: number[];
}

/** Examples per evaluation batch: large batches are cheap without gradients. */
export const EVALUATION_BATCH_SIZE = 1000;

/**
 * Evaluates `model` on every example of `split` in evaluation mode (moving
 * batch-norm statistics, RReLU's fixed slope), in batches.
 */
export function evaluate(
  model: Sequential,
  split: Split,
  classes: number,
  batchSize = EVALUATION_BATCH_SIZE,
): Evaluation {
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const features = split.rows * split.cols;
  const pixels = new Float32Array(batchSize * features);
  const labels = new Int32Array(batchSize);
  const order = identityOrder(split.count);
  let lossSum = 0;

  for (let start = 0; start < split.count; start += batchSize) {
    const n = fillBatch(split, order, start, batchSize, pixels, labels);
    const [batchLoss, predicted] = tf.tidy(() => {
      const x = tf.tensor2d(pixels.subarray(0, n * features), [n, features]);
      const y = tf.tensor1d(labels.subarray(0, n), 'int32');
      const logits = model.forward(x, { training: false });
      const { loss } = softmaxCrossEntropy(logits, y);
      return [loss.dataSync()[0] as number, tf.argMax(logits, 1).dataSync() as Int32Array];
    });
    lossSum += batchLoss * n;
    for (let i = 0; i < n; i++) {
      const row = confusion[labels[i] as number];
      if (row !== undefined) row[predicted[i] as number] = (row[predicted[i] as number] ?? 0) + 1;
    }
  }

  const correct = confusion.reduce((sum, row, i) => sum + (row[i] ?? 0), 0);
  const perClassAccuracy = confusion.map((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? Number.NaN : (row[i] ?? 0) / total;
  });
  const count = split.count;
  return {
    count,
    loss: count === 0 ? Number.NaN : lossSum / count,
    accuracy: count === 0 ? Number.NaN : correct / count,
    confusion,
    perClassAccuracy,
  };
}

function identityOrder(count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order;
}
