import { describe, requireFinite, requireOneOf } from './validate.js';

/** `divide`: y = x / a with a ~ U(lower, upper); `multiply`: y = s·x with s ~ U(lower, upper). */
export type RreluForm = 'divide' | 'multiply';
/** One draw per element of every example, per feature (last axis), or one per layer. */
export type RreluNoise = 'element' | 'unit' | 'layer';
/** Evaluation slope: the slope at the bounds' midpoint, or the training slope's mean. */
export type RreluEvaluation = 'midpoint' | 'expected';
/** Named conventions; see the package README for their numbers. */
export type RreluPreset = 'paper' | 'torch' | 'blog';

export const RRELU_FORMS: readonly RreluForm[] = ['divide', 'multiply'];
export const RRELU_NOISE: readonly RreluNoise[] = ['element', 'unit', 'layer'];
export const RRELU_EVALUATION: readonly RreluEvaluation[] = ['midpoint', 'expected'];
export const RRELU_PRESET_NAMES: readonly RreluPreset[] = ['paper', 'torch', 'blog'];

/** A fully resolved RReLU convention. */
export interface RreluConfig {
  form: RreluForm;
  lower: number;
  upper: number;
  noise: RreluNoise;
  evaluation: RreluEvaluation;
}

/** RReLU options: a preset, then any field overriding it. */
export interface RreluOptions extends Partial<RreluConfig> {
  preset?: RreluPreset;
}

/**
 * The three conventions in use:
 * - `paper`: Xu et al. 2015 (after the Kaggle NDSB winners), y = x / a,
 *   a ~ U(3, 8) per element, evaluation x / 5.5.
 * - `torch`: PyTorch / TF-Addons / MXNet, y = s·x, s ~ U(1/8, 1/3) per
 *   element, evaluation slope 11/48.
 * - `blog`: the script behind the informal MNIST review, y = a·x with one
 *   a ~ U(3, 8) per layer per step, evaluation 5.5·x (negative inputs amplified).
 */
export const RRELU_PRESETS: Readonly<Record<RreluPreset, Readonly<RreluConfig>>> = {
  paper: { form: 'divide', lower: 3, upper: 8, noise: 'element', evaluation: 'midpoint' },
  torch: { form: 'multiply', lower: 1 / 8, upper: 1 / 3, noise: 'element', evaluation: 'midpoint' },
  blog: { form: 'multiply', lower: 3, upper: 8, noise: 'layer', evaluation: 'midpoint' },
};

/** The default convention is the paper's. */
export const RRELU_DEFAULT_PRESET: RreluPreset = 'paper';

/**
 * Resolves and validates RReLU options. Throws a RangeError naming the
 * option and value for: an unknown preset, form, noise or evaluation rule; a
 * bound that is not a finite number (NaN, ±Infinity, a tensor); lower > upper;
 * in the divide form a bound ≤ 0. lower = upper is allowed (a Leaky ReLU).
 */
export function resolveRreluOptions(options: RreluOptions = {}): RreluConfig {
  const preset = requireOneOf(
    'rrelu',
    'preset',
    options.preset ?? RRELU_DEFAULT_PRESET,
    RRELU_PRESET_NAMES,
  );
  const base = RRELU_PRESETS[preset];
  const config: RreluConfig = {
    form: requireOneOf('rrelu', 'form', options.form ?? base.form, RRELU_FORMS),
    lower: requireFinite('rrelu', 'lower', options.lower ?? base.lower),
    upper: requireFinite('rrelu', 'upper', options.upper ?? base.upper),
    noise: requireOneOf('rrelu', 'noise', options.noise ?? base.noise, RRELU_NOISE),
    evaluation: requireOneOf(
      'rrelu',
      'evaluation',
      options.evaluation ?? base.evaluation,
      RRELU_EVALUATION,
    ),
  };

  if (config.lower > config.upper) {
    throw new RangeError(
      `rrelu: lower must be ≤ upper, got lower ${describe(config.lower)} > ` +
        `upper ${describe(config.upper)}`,
    );
  }
  if (config.form === 'divide' && config.lower <= 0) {
    throw new RangeError(
      'rrelu: in the divide form both bounds must be > 0 (they divide x), ' +
        `got lower ${describe(config.lower)}`,
    );
  }
  return config;
}

/** Closed-form facts about the negative-side slope of an RReLU convention. */
export interface SlopeDistribution {
  /** Smallest and largest slope training can draw. */
  min: number;
  max: number;
  /** Mean and standard deviation of the training slope. */
  mean: number;
  std: number;
  /** The slope evaluation mode uses. */
  evaluationSlope: number;
  /** Probability density of the training slope at s (0 outside [min, max]). */
  density(s: number): number;
}

/**
 * The distribution of RReLU's negative-side slope, in closed form, for any
 * valid form and bounds (lower = upper included: a point mass, std 0 and an
 * infinite density at that slope).
 *
 * - Divide form, a ~ U(l, u), s = 1/a: E[s] = ln(u/l)/(u − l),
 *   E[s²] = 1/(l·u), density 1/((u − l)·s²) on [1/u, 1/l]. The mean uses
 *   log1p and, for bounds within 0.1 % of each other, the variance a series
 *   in r = (u − l)/l, (r²/12 − r³/6 + 43r⁴/180)/l², instead of the
 *   difference 1/(l·u) − E[s]², which cancels there.
 * - Multiply form, s ~ U(l, u): mean (l + u)/2, standard deviation
 *   (u − l)/√12, density 1/(u − l) on [l, u].
 *
 * @example
 * rreluSlopeDistribution({ preset: 'paper' }).mean; // ln(8/3)/5 = 0.1961659
 */
export function rreluSlopeDistribution(options: RreluOptions = {}): SlopeDistribution {
  const { form, lower: l, upper: u, evaluation } = resolveRreluOptions(options);
  const width = u - l;

  if (form === 'multiply') {
    const mean = (l + u) / 2;
    return {
      min: l,
      max: u,
      mean,
      std: width / Math.sqrt(12),
      evaluationSlope: mean,
      density: (s) => (width === 0 ? (s === l ? Infinity : 0) : s >= l && s <= u ? 1 / width : 0),
    };
  }

  const ratio = width / l; // relative width r = (u − l)/l
  const mean = width === 0 ? 1 / l : Math.log1p(ratio) / width;
  const variance =
    ratio < SMALL_RELATIVE_WIDTH
      ? smallWidthVariance(l, ratio)
      : Math.max(0, 1 / (l * u) - mean ** 2);
  return {
    min: 1 / u,
    max: 1 / l,
    mean,
    std: Math.sqrt(variance),
    evaluationSlope: evaluation === 'expected' ? mean : 2 / (l + u),
    density: (s) => {
      if (width === 0) return s === 1 / l ? Infinity : 0;
      return s >= 1 / u && s <= 1 / l ? 1 / (width * s * s) : 0;
    },
  };
}

/** Below this relative width (u − l)/l the divide form's variance uses its series. */
const SMALL_RELATIVE_WIDTH = 1e-3;

/**
 * Var(1/a) for a ~ U(l, l·(1 + r)) and small r: expanding 1/(1 + r·t),
 * t ~ U(0, 1), gives r²·Var(t) − 2r³·Cov(t, t²) + r⁴·(Var(t²) + 2·Cov(t, t³))
 * = r²/12 − r³/6 + 43r⁴/180, over l². Relative error below 4e-9 for r ≤ 1e-3.
 */
function smallWidthVariance(l: number, r: number): number {
  return (r * r * (1 / 12 - r / 6 + (43 * r * r) / 180)) / (l * l);
}

/** The deterministic slope used in evaluation mode. */
export function rreluEvaluationSlope(config: RreluConfig): number {
  return rreluSlopeDistribution(config).evaluationSlope;
}
