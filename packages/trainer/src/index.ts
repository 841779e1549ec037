export { BACKEND_NAMES, type BackendInfo, type BackendName, initBackend } from './backend.js';
export { DEFAULT_RUN_CONFIG, type RunConfig, resolveRunConfig } from './config.js';
export { EVALUATION_BATCH_SIZE, type Evaluation, evaluate } from './evaluate.js';
export type { Divergence, EpochMetrics, RunResult, TrainEvent } from './events.js';
export {
  type ActivationChoice,
  type Cell,
  cellId,
  type GridSpec,
  planGrid,
} from './grid.js';
export {
  createOptimizer,
  OPTIMIZER_DEFAULTS,
  OPTIMIZER_NAMES,
  type Optimizer,
  type OptimizerName,
  type OptimizerOptions,
} from './optimizers.js';
export { learningRateAt, type Schedule } from './schedules.js';
export { deriveSeed, type RunSeeds, runSeeds } from './seeds.js';
export { buildModel, type TrainedState, type TrainOptions, train } from './train.js';
export {
  noiseStreams,
  OPTIMIZER_PREFIX,
  readTrainingMeta,
  restoreTrainingState,
  saveTrainingState,
  TRAINING_STATE_KIND,
  type TrainingState,
  type TrainingStateMeta,
} from './checkpoint.js';
export * from './report/index.js';
export { canonicalJson } from '@rrelu/layers';
