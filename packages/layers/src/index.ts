export { canonicalJson } from './canonical-json.js';
export { ActivationLayer, type ActivationLayerOptions } from './activation-layer.js';
export {
  BATCH_NORM_DEFAULT_DECAY,
  BATCH_NORM_DEFAULT_EPSILON,
  BatchNorm,
  type BatchNormOptions,
} from './batch-norm.js';
export { Dense, type DenseOptions } from './dense.js';
export { INITIALIZERS, type Initializer, initialWeights, schemeVariance } from './initializers.js';
export { countCorrect, type LossAndGradient, softmaxCrossEntropy } from './loss.js';
export { COMPARISON_HIDDEN_UNITS, mlp, type MlpOptions } from './mlp.js';
export { Sequential } from './sequential.js';
export type { BuildSeeds, CallMode, Layer, Parameter, StateTensor } from './types.js';
export {
  type ArchitectureDescription,
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  CheckpointError,
  type CheckpointErrorCode,
  decodeCheckpoint,
  describeArchitecture,
  type LayerDescription,
  type LoadWeightsOptions,
  loadWeights,
  type SavedWeights,
  type SaveWeightsOptions,
  saveWeights,
  type WeightsManifest,
} from './checkpoint.js';
