import { NoiseStream } from '@rrelu/activations';
import {
  ActivationLayer,
  CheckpointError,
  loadWeights,
  type SavedWeights,
  type Sequential,
  saveWeights,
} from '@rrelu/layers';
import * as tf from '@tensorflow/tfjs-core';
import { type RunConfig, resolveRunConfig } from './config.js';
import { createOptimizer, type Optimizer } from './optimizers.js';
import { runSeeds } from './seeds.js';
import { buildModel } from './train.js';

/** Prefix of optimizer slot tensors inside a training checkpoint. */
export const OPTIMIZER_PREFIX = 'optimizer/';
/** The `kind` of a training checkpoint's metadata. */
export const TRAINING_STATE_KIND = 'rrelu-training-state';

/** What a training checkpoint records besides the tensors. */
export interface TrainingStateMeta {
  kind: typeof TRAINING_STATE_KIND;
  /** The run's resolved configuration; the model is rebuilt from it. */
  config: RunConfig;
  /** Optimizer updates done so far (Adam's bias correction needs it). */
  iterations: number;
  /** Next step of each RReLU layer's noise stream, by layer name. */
  noiseSteps: Record<string, number>;
  /** Epochs finished when the checkpoint was taken. */
  epoch: number;
  /** Class names by label, when known. */
  classNames?: readonly string[];
}

/** A model, its optimizer and where training stands. */
export interface TrainingState {
  config: RunConfig;
  model: Sequential;
  optimizer: Optimizer;
  epoch: number;
  classNames?: readonly string[];
}

/**
 * Saves everything a run needs to continue: the model's parameters and
 * moving statistics, the optimizer's slots (as `optimizer/<slot name>`) and
 * iteration count, each RReLU layer's noise-stream step and the configuration.
 *
 * @example
 * const saved = await saveTrainingState({ config, model, optimizer, epoch: 3 });
 */
export async function saveTrainingState(
  state: TrainingState,
): Promise<SavedWeights<TrainingStateMeta>> {
  const { config, model, optimizer, epoch, classNames } = state;
  const metadata: TrainingStateMeta = {
    kind: TRAINING_STATE_KIND,
    config,
    iterations: optimizer.iterations,
    noiseSteps: Object.fromEntries(noiseStreams(model).map(([name, s]) => [name, s.step])),
    epoch,
    ...(classNames === undefined ? {} : { classNames: [...classNames] }),
  };
  const extra = optimizer
    .slots()
    .map(({ name, value }) => ({ name: `${OPTIMIZER_PREFIX}${name}`, tensor: value as tf.Tensor }));
  return saveWeights(model, { extra, metadata });
}

/**
 * Rebuilds the model and optimizer of a training checkpoint and restores
 * weights, moving statistics, optimizer slots, iteration count and noise
 * steps, so the next training step is the one the original run would take.
 * The caller owns (and disposes) the model and the optimizer.
 *
 * @throws {@link CheckpointError} for a damaged file, a manifest that is not a
 *   training checkpoint, or tensors that do not fit the configuration.
 */
export async function restoreTrainingState(saved: SavedWeights): Promise<TrainingState> {
  const meta = readTrainingMeta(saved.manifest.metadata);
  const { inputUnits, outputUnits } = saved.manifest.architecture;
  const seeds = runSeeds(meta.config.seed);
  const model = buildModel(meta.config, inputUnits, outputUnits, seeds.init, seeds.noise);
  const optimizer = createOptimizer(meta.config.optimizer);

  try {
    const slots = await loadWeights(model, saved, {
      ignore: (name) => name.startsWith(OPTIMIZER_PREFIX),
    });
    try {
      restoreOptimizer(model, optimizer, slots, meta.iterations);
    } finally {
      for (const tensor of slots.values()) tensor.dispose();
    }
    for (const [name, stream] of noiseStreams(model)) {
      const step = meta.noiseSteps[name];
      if (step === undefined) {
        throw new CheckpointError('missing', `checkpoint has no noise step for layer "${name}"`);
      }
      stream.step = step;
    }
  } catch (error) {
    model.dispose();
    optimizer.dispose();
    throw error;
  }
  return {
    config: meta.config,
    model,
    optimizer,
    epoch: meta.epoch,
    ...(meta.classNames === undefined ? {} : { classNames: meta.classNames }),
  };
}

/** Checks a manifest's metadata is a training checkpoint's; resolves its configuration. */
export function readTrainingMeta(metadata: unknown): TrainingStateMeta {
  if (
    typeof metadata !== 'object' ||
    metadata === null ||
    !('kind' in metadata) ||
    metadata.kind !== TRAINING_STATE_KIND
  ) {
    throw new CheckpointError(
      'format',
      `manifest metadata is not a training checkpoint (expected kind "${TRAINING_STATE_KIND}")`,
    );
  }
  const meta = metadata as TrainingStateMeta;
  if (!Number.isSafeInteger(meta.iterations) || meta.iterations < 0) {
    throw new CheckpointError(
      'format',
      `metadata.iterations must be a whole number ≥ 0, got ${JSON.stringify(meta.iterations)}`,
    );
  }
  let config: RunConfig;
  try {
    config = resolveRunConfig(meta.config);
  } catch (error) {
    throw new CheckpointError('format', `metadata.config: ${(error as Error).message}`);
  }
  return { ...meta, config, noiseSteps: meta.noiseSteps ?? {} };
}

/** Every RReLU noise stream of a model, by layer name. */
export function noiseStreams(model: Sequential): [string, NoiseStream][] {
  return model.layers.flatMap((layer): [string, NoiseStream][] => {
    if (!(layer instanceof ActivationLayer)) return [];
    const fn = layer.fn;
    return 'stream' in fn && fn.stream instanceof NoiseStream ? [[layer.name, fn.stream]] : [];
  });
}

/**
 * Puts saved slots and the iteration count back into a fresh optimizer.
 *
 * TODO: `Optimizer` has no restore method, so slots are created by one
 * update with zero gradients at learning rate 0 (parameters stay unchanged),
 * then overwritten, and `iterations` is set directly. A `restore(slots,
 * iterations)` on the optimizer would remove both tricks.
 */
function restoreOptimizer(
  model: Sequential,
  optimizer: Optimizer,
  slots: Map<string, tf.Tensor>,
  iterations: number,
): void {
  if (iterations === 0 && slots.size === 0) return;
  const parameters = model.parameters();
  tf.tidy(() => {
    const zeros = new Map(parameters.map((p) => [p.name, tf.zerosLike(p.value) as tf.Tensor]));
    optimizer.apply(parameters, zeros, 0);
  });

  const created = new Map(optimizer.slots().map(({ name, value }) => [name, value]));
  for (const [name, value] of created) {
    const tensor = slots.get(`${OPTIMIZER_PREFIX}${name}`);
    if (tensor === undefined) {
      throw new CheckpointError('missing', `checkpoint has no optimizer slot "${name}"`);
    }
    if (tensor.shape.join() !== value.shape.join()) {
      throw new CheckpointError(
        'shape',
        `optimizer slot "${name}" has shape [${tensor.shape}] in the checkpoint but [${value.shape}] in the model`,
      );
    }
    value.assign(tensor);
  }
  const unknown = [...slots.keys()].filter(
    (name) => !created.has(name.slice(OPTIMIZER_PREFIX.length)),
  );
  if (unknown.length > 0) {
    throw new CheckpointError(
      'unexpected',
      `checkpoint has optimizer slots this optimizer lacks: ${unknown.join(', ')}`,
    );
  }
  Object.assign(optimizer, { iterations });
}
