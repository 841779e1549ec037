export { withLocalGradient, piecewiseSlope } from './custom-gradient.js';
export { elu, eluForward, createElu, ELU_DEFAULT_ALPHA } from './elu.js';
export { leakyRelu, leakyReluForward, createLeakyRelu } from './leaky-relu.js';
export { NoiseStream, mix32, hashString } from './noise.js';
export {
  prelu,
  preluForward,
  preluAlphaGradient,
  createPrelu,
  PRELU_DEFAULT_INITIAL,
  PRELU_SHARING,
  type PreluOptions,
  type PreluSharing,
} from './prelu.js';
export {
  ACTIVATION_NAMES,
  createActivation,
  listActivations,
  LEAKY_SLOPE,
  VERY_LEAKY_SLOPE,
  type ActivationContext,
  type ActivationInfo,
  type ActivationOptions,
  type OptionInfo,
} from './registry.js';
export { relu, reluForward, createRelu } from './relu.js';
export {
  rrelu,
  rreluForward,
  createRrelu,
  type DrawnSlopes,
  type RreluActivation,
  type RreluNoiseSource,
} from './rrelu.js';
export {
  RRELU_DEFAULT_PRESET,
  RRELU_EVALUATION,
  RRELU_FORMS,
  RRELU_NOISE,
  RRELU_PRESET_NAMES,
  RRELU_PRESETS,
  resolveRreluOptions,
  rreluEvaluationSlope,
  rreluSlopeDistribution,
  type RreluConfig,
  type RreluEvaluation,
  type RreluForm,
  type RreluNoise,
  type RreluOptions,
  type RreluPreset,
  type SlopeDistribution,
} from './rrelu-options.js';
export type { Activation, ActivationConfig, ActivationMode, LocalForward } from './types.js';
