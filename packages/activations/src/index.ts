export { type ActivationCurve, activationCurve } from './activation-curve.js';
export { CELU_DEFAULT_ALPHA, celu, celuForward, createCelu } from './celu.js';
export { piecewiseSlope, withLocalGradient } from './custom-gradient.js';
export { createElu, ELU_DEFAULT_ALPHA, elu, eluForward } from './elu.js';
export {
  createGelu,
  GELU_APPROXIMATIONS,
  GELU_DEFAULT_APPROXIMATION,
  GELU_TANH_CUBIC,
  type GeluApproximation,
  type GeluOptions,
  gelu,
  geluForward,
} from './gelu.js';
export { createLeakyRelu, leakyRelu, leakyReluForward } from './leaky-relu.js';
export { createMish, mish, mishForward } from './mish.js';
export { hashString, mix32, NoiseStream } from './noise.js';
export { normalCdf, normalCdfTensor, normalPdf, normalPdfTensor } from './normal-distribution.js';
export {
  createPrelu,
  PRELU_DEFAULT_INITIAL,
  PRELU_SHARING,
  type PreluOptions,
  type PreluSharing,
  prelu,
  preluAlphaGradient,
  preluForward,
} from './prelu.js';
export {
  ACTIVATION_NAMES,
  type ActivationContext,
  type ActivationInfo,
  type ActivationOptions,
  COMPARISON_ACTIVATIONS,
  createActivation,
  LEAKY_SLOPE,
  listActivations,
  type OptionInfo,
  VERY_LEAKY_SLOPE,
} from './registry.js';
export { createRelu, relu, reluForward } from './relu.js';
export {
  createRrelu,
  type DrawnSlopes,
  type RreluActivation,
  type RreluNoiseSource,
  rrelu,
  rreluForward,
} from './rrelu.js';
export { type RreluBand, rreluBand } from './rrelu-band.js';
export {
  RRELU_DEFAULT_PRESET,
  RRELU_EVALUATION,
  RRELU_FORMS,
  RRELU_NOISE,
  RRELU_PRESET_NAMES,
  RRELU_PRESETS,
  type RreluConfig,
  type RreluEvaluation,
  type RreluForm,
  type RreluNoise,
  type RreluOptions,
  type RreluPreset,
  resolveRreluOptions,
  rreluEvaluationSlope,
  rreluSlopeDistribution,
  type SlopeDistribution,
} from './rrelu-options.js';
export {
  createSelu,
  SELU_ALPHA,
  SELU_LAMBDA,
  SELU_LAMBDA_ALPHA,
  selu,
  seluForward,
} from './selu.js';
export { createSilu, SILU_DEFAULT_BETA, silu, siluForward } from './silu.js';
export { createSoftplus, SOFTPLUS_DEFAULT_BETA, softplus, softplusForward } from './softplus.js';
export type { Activation, ActivationConfig, ActivationMode, LocalForward } from './types.js';
export { requireFinite, requireOneOf } from './validate.js';
