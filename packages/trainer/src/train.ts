import type { Dataset } from '@rrelu/data-mnist/browser';
import { epochOrder, fillBatch } from '@rrelu/data-mnist/browser';
import { mlp, type Sequential, softmaxCrossEntropy } from '@rrelu/layers';
import * as tf from '@tensorflow/tfjs-core';
import { type RunConfig, resolveRunConfig } from './config.js';
import { evaluate } from './evaluate.js';
import type { Divergence, EpochMetrics, RunResult, TrainEvent } from './events.js';
import { createOptimizer, type Optimizer } from './optimizers.js';
import { learningRateAt } from './schedules.js';
import { runSeeds } from './seeds.js';

/** How often the loop lets the event loop run (signals, worker messages, abort). */
const YIELD_EVERY_MS = 100;

/** Options of {@link train}. */
export interface TrainOptions {
  /** Receives progress; called synchronously from the training loop. */
  onEvent?: (event: TrainEvent) => void;
  /**
   * Aborting stops after the current step; finished epochs are kept. The
   * loop yields to the event loop about every 100 ms, so a signal handler or
   * a worker message on the same thread can abort a run in progress.
   */
  signal?: AbortSignal;
  /** Emit a `step` event every this many steps (default 20) and on an epoch's last step. */
  reportEvery?: number;
  /** Clock in milliseconds; injectable so tests can fix time. Default `performance.now`. */
  now?: () => number;
  /**
   * Called once training ends (finished, interrupted or diverged) with the
   * trained model and optimizer, before they are disposed: the place to save
   * a checkpoint or copy weights. Awaited; the state is invalid afterwards.
   */
  onTrained?: (state: TrainedState) => void | Promise<void>;
}

/** What {@link TrainOptions.onTrained} receives. */
export interface TrainedState {
  config: RunConfig;
  model: Sequential;
  optimizer: Optimizer;
  /** Epochs finished. */
  epoch: number;
}

/**
 * Trains the comparison network described by `config` on `dataset`:
 * shuffled mini-batches from the run seed, softmax cross-entropy, the
 * configured optimizer; after every epoch, evaluation of the validation and
 * test splits in evaluation mode. A loss that turns NaN or infinite ends the
 * run with a recorded divergence instead of an exception.
 *
 * @example
 * const result = await train({ activation: 'rrelu', epochs: 1 }, await loadMnist());
 */
export async function train(
  partial: Partial<RunConfig>,
  dataset: Dataset,
  options: TrainOptions = {},
): Promise<RunResult> {
  const config = resolveRunConfig(partial);
  const { onEvent = () => {}, signal, reportEvery = 20, now = () => performance.now() } = options;
  const seeds = runSeeds(config.seed);
  const classes = dataset.classNames.length;
  const features = dataset.train.rows * dataset.train.cols;
  const started = now();

  const model = buildModel(config, features, classes, seeds.init, seeds.noise);
  const optimizer = createOptimizer(config.optimizer);
  const parameterCount = model.countParameters();
  const stepsPerEpoch = Math.ceil(dataset.train.count / config.batchSize);
  const totalSteps = stepsPerEpoch * config.epochs;
  onEvent({ type: 'start', totalSteps, stepsPerEpoch, epochs: config.epochs, parameterCount });

  const epochs: EpochMetrics[] = [];
  let lastYield = now();
  let divergence: Divergence | null = null;
  let interrupted = false;
  let confusion: number[][] | null = null;
  const batch = {
    pixels: new Float32Array(config.batchSize * features),
    labels: new Int32Array(config.batchSize),
  };

  try {
    for (let epoch = 1; epoch <= config.epochs && divergence === null && !interrupted; epoch++) {
      const epochStart = now();
      const order = epochOrder(dataset.train.count, seeds.shuffle, epoch);
      let lossSum = 0;
      let correct = 0;
      let seen = 0;

      for (let i = 0; i < stepsPerEpoch; i++) {
        if (now() - lastYield >= YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = now();
        }
        if (signal?.aborted) {
          interrupted = true;
          break;
        }
        const step = (epoch - 1) * stepsPerEpoch + i + 1;
        const n = fillBatch(
          dataset.train,
          order,
          i * config.batchSize,
          config.batchSize,
          batch.pixels,
          batch.labels,
        );
        if (n < 2 && config.batchNorm) continue; // batch norm needs two examples for its statistics

        const learningRate = learningRateAt(
          config.schedule,
          config.optimizer.learningRate,
          step - 1,
          stepsPerEpoch,
          totalSteps,
        );
        const outcome = trainStep(model, optimizer, batch, n, features, learningRate);
        if (!Number.isFinite(outcome.loss)) {
          divergence = {
            epoch,
            step,
            loss: outcome.loss,
            lastFiniteLoss: lastFinite(epochs, lossSum, seen),
          };
          onEvent({ type: 'divergence', divergence });
          break;
        }
        lossSum += outcome.loss * n;
        correct += outcome.correct;
        seen += n;

        if (step % reportEvery === 0 || i === stepsPerEpoch - 1) {
          const seconds = (now() - started) / 1000;
          const examplesPerSecond = seen / Math.max((now() - epochStart) / 1000, 1e-9);
          const remaining = (totalSteps - step) * config.batchSize;
          onEvent({
            type: 'step',
            epoch,
            step,
            totalSteps,
            loss: lossSum / seen,
            examplesPerSecond,
            etaSeconds: seconds > 0 ? remaining / examplesPerSecond : Number.NaN,
          });
        }
      }
      if (divergence !== null || interrupted || seen === 0) break;

      const trainSeconds = (now() - epochStart) / 1000;
      const validation = evaluate(model, dataset.validation, classes);
      const test = evaluate(model, dataset.test, classes);
      confusion = test.confusion;
      const metrics: EpochMetrics = {
        epoch,
        trainLoss: lossSum / seen,
        trainAccuracy: correct / seen,
        validationLoss: validation.loss,
        validationAccuracy: validation.accuracy,
        testLoss: test.loss,
        testAccuracy: test.accuracy,
        seconds: (now() - epochStart) / 1000,
        examplesPerSecond: seen / Math.max(trainSeconds, 1e-9),
      };
      epochs.push(metrics);
      onEvent({ type: 'epoch', metrics });
    }
    await options.onTrained?.({ config, model, optimizer, epoch: epochs.length });
  } finally {
    optimizer.dispose();
    model.dispose();
  }

  const result: RunResult = {
    config,
    seeds,
    parameterCount,
    epochs,
    divergence,
    interrupted,
    confusion,
    seconds: (now() - started) / 1000,
  };
  onEvent({ type: 'end', result });
  return result;
}

/** Builds the configured network with its weights drawn from `initSeed`. */
export function buildModel(
  config: RunConfig,
  features: number,
  classes: number,
  initSeed: number,
  noiseSeed: number,
): Sequential {
  const model = mlp({
    hidden: config.hidden,
    classes,
    activation: config.activation,
    activationOptions: config.activationOptions,
    batchNorm: config.batchNorm && {
      decay: config.batchNormDecay,
      epsilon: config.batchNormEpsilon,
    },
    initializer: config.initializer,
  });
  // Weights come from the init seed; RReLU's noise streams from the noise seed,
  // so changing the activation does not change the initial weights.
  return model.build(features, initSeed, noiseSeed);
}

/** One optimisation step on the first `n` examples of `batch`; returns loss and correct count. */
function trainStep(
  model: Sequential,
  optimizer: Optimizer,
  batch: { pixels: Float32Array; labels: Int32Array },
  n: number,
  features: number,
  learningRate: number,
): { loss: number; correct: number } {
  tf.engine().startScope();
  try {
    const x = tf.tensor2d(batch.pixels.subarray(0, n * features), [n, features]); // [n, 784]
    const y = tf.tensor1d(batch.labels.subarray(0, n), 'int32'); // [n]
    const logits = model.forward(x, { training: true }); // [n, classes]
    const { loss, dLogits, correct } = softmaxCrossEntropy(logits, y);
    const lossValue = loss.dataSync()[0] as number;
    if (!Number.isFinite(lossValue)) return { loss: lossValue, correct: 0 };

    optimizer.apply(model.parameters(), model.backward(dLogits), learningRate);
    return { loss: lossValue, correct: correct.dataSync()[0] as number };
  } finally {
    tf.engine().endScope();
  }
}

/** Lets timers, signal handlers and messages run before the next step. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function lastFinite(epochs: EpochMetrics[], lossSum: number, seen: number): number {
  if (seen > 0) return lossSum / seen;
  return epochs.at(-1)?.trainLoss ?? Number.NaN;
}
