import type { ActivationOptions } from '@rrelu/activations';
import {
  BATCH_NORM_DEFAULT_DECAY,
  BATCH_NORM_DEFAULT_EPSILON,
  COMPARISON_HIDDEN_UNITS,
  type Initializer,
} from '@rrelu/layers';
import type { OptimizerOptions } from './optimizers.js';
import type { Schedule } from './schedules.js';

/** Everything that defines one training run. */
export interface RunConfig {
  /** Registry name of the hidden activation. */
  activation: string;
  /** Registry options, e.g. `{ preset: 'blog' }`. */
  activationOptions: ActivationOptions;
  /** Row label in tables and figures; defaults to the activation name. */
  label: string;
  batchNorm: boolean;
  batchNormDecay: number;
  batchNormEpsilon: number;
  hidden: readonly number[];
  initializer: Initializer;
  optimizer: OptimizerOptions;
  schedule: Schedule;
  epochs: number;
  batchSize: number;
  /** Run seed; initialisation, shuffling and noise derive from it. */
  seed: number;
}

/**
 * The comparison's defaults: 784 → 1024 → 128 → 10, Glorot-uniform weights,
 * Adam at 1e-4, batch 60, 10 epochs; batch norm with Keras's decay 0.99 and
 * ε 1e-3 when enabled.
 */
export const DEFAULT_RUN_CONFIG: Readonly<RunConfig> = {
  activation: 'relu',
  activationOptions: {},
  label: 'relu',
  batchNorm: false,
  batchNormDecay: BATCH_NORM_DEFAULT_DECAY,
  batchNormEpsilon: BATCH_NORM_DEFAULT_EPSILON,
  hidden: COMPARISON_HIDDEN_UNITS,
  initializer: 'glorotUniform',
  optimizer: { name: 'adam', learningRate: 1e-4 },
  schedule: { kind: 'constant' },
  epochs: 10,
  batchSize: 60,
  seed: 0,
};

/** Fills a partial configuration from the defaults and checks every field. */
export function resolveRunConfig(partial: Partial<RunConfig>): RunConfig {
  const config: RunConfig = {
    ...DEFAULT_RUN_CONFIG,
    ...partial,
    label: partial.label ?? partial.activation ?? DEFAULT_RUN_CONFIG.label,
    optimizer: { ...DEFAULT_RUN_CONFIG.optimizer, ...partial.optimizer },
  };

  wholeNumber('epochs', config.epochs, 1);
  wholeNumber('batchSize', config.batchSize, 1);
  wholeNumber('seed', config.seed, 0);
  config.hidden.forEach((units, i) => {
    wholeNumber(`hidden[${i}]`, units, 1);
  });
  if (!(config.optimizer.learningRate > 0) || !Number.isFinite(config.optimizer.learningRate)) {
    throw new RangeError(
      `learningRate must be a finite number > 0, got ${config.optimizer.learningRate}`,
    );
  }
  if (config.batchNorm && config.batchSize < 2) {
    throw new RangeError(`batchSize must be ≥ 2 with batch norm, got ${config.batchSize}`);
  }
  return config;
}

function wholeNumber(key: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${key} must be a whole number ≥ ${min}, got ${value}`);
  }
}
