import { CELU_DEFAULT_ALPHA, createCelu } from './celu.js';
import { createElu, ELU_DEFAULT_ALPHA } from './elu.js';
import { createGelu, GELU_APPROXIMATIONS, GELU_DEFAULT_APPROXIMATION } from './gelu.js';
import { createLeakyRelu } from './leaky-relu.js';
import { createMish } from './mish.js';
import { createPrelu, PRELU_DEFAULT_INITIAL, PRELU_SHARING } from './prelu.js';
import type {
  ActivationContext,
  ActivationInfo,
  ActivationOptions,
  OptionInfo,
} from './registry.js';
import { createRelu } from './relu.js';
import { createRrelu } from './rrelu.js';
import {
  RRELU_EVALUATION,
  RRELU_FORMS,
  RRELU_NOISE,
  RRELU_PRESET_NAMES,
  RRELU_PRESETS,
  type RreluOptions,
} from './rrelu-options.js';
import { createSelu } from './selu.js';
import { createSilu, SILU_DEFAULT_BETA } from './silu.js';
import { createSoftplus, SOFTPLUS_DEFAULT_BETA } from './softplus.js';
import type { Activation } from './types.js';
import { describe, requireOneOf } from './validate.js';

/** Leaky ReLU slope of the paper's "a = 100" setting. */
export const LEAKY_SLOPE = 0.01;
/** "Very leaky" ReLU slope of the paper's "a = 5.5" setting. */
export const VERY_LEAKY_SLOPE = 1 / 5.5;

/** A registered activation: its description and its factory. */
export interface RegistryEntry extends ActivationInfo {
  create(options: ActivationOptions, context: ActivationContext): Activation;
}

/**
 * Every registered activation, in the registry's order: the comparison's six
 * first (their order is part of the API), then the smooth ones.
 */
export const REGISTRY_ENTRIES: readonly RegistryEntry[] = [
  {
    name: 'relu',
    summary: 'max(x, 0)',
    reference: 'Nair & Hinton 2010',
    options: [],
    create: () => createRelu(),
  },
  {
    name: 'lrelu',
    summary: "Leaky ReLU, slope 0.01 (the paper's a = 100)",
    reference: 'Maas et al. 2013',
    options: [numberInfo('alpha', LEAKY_SLOPE, 'negative-side slope')],
    create: (o) => createLeakyRelu(numberOption(o, 'lrelu', 'alpha', LEAKY_SLOPE), 'lrelu'),
  },
  {
    name: 'vlrelu',
    summary: "very leaky ReLU, slope 1/5.5 (the paper's a = 5.5)",
    reference: 'Xu et al. 2015',
    options: [numberInfo('alpha', VERY_LEAKY_SLOPE, 'negative-side slope')],
    create: (o) => createLeakyRelu(numberOption(o, 'vlrelu', 'alpha', VERY_LEAKY_SLOPE), 'vlrelu'),
  },
  {
    name: 'prelu',
    summary: 'PReLU, learned slope per unit, initial 0.25',
    reference: 'He et al. 2015',
    options: [
      numberInfo('initial', PRELU_DEFAULT_INITIAL, 'initial slope'),
      stringInfo(
        'sharing',
        'channel',
        PRELU_SHARING,
        'slopes per channel, one shared, or per element',
      ),
    ],
    create: (o) =>
      createPrelu({
        initial: numberOption(o, 'prelu', 'initial', PRELU_DEFAULT_INITIAL),
        sharing: requireOneOf('prelu', 'sharing', o.sharing ?? 'channel', PRELU_SHARING),
      }),
  },
  {
    name: 'rrelu',
    summary: 'randomized leaky ReLU; presets paper (x/a, a~U(3,8)), torch, blog',
    reference: 'Xu et al. 2015',
    options: [
      stringInfo('preset', 'paper', RRELU_PRESET_NAMES, 'named convention'),
      stringInfo('form', RRELU_PRESETS.paper.form, RRELU_FORMS, 'x / a or s·x'),
      numberInfo('lower', RRELU_PRESETS.paper.lower, 'lower bound of a (divide) or s (multiply)'),
      numberInfo('upper', RRELU_PRESETS.paper.upper, 'upper bound'),
      stringInfo(
        'noise',
        RRELU_PRESETS.paper.noise,
        RRELU_NOISE,
        'a draw per element, unit or layer',
      ),
      stringInfo(
        'evaluation',
        RRELU_PRESETS.paper.evaluation,
        RRELU_EVALUATION,
        'evaluation slope rule',
      ),
    ],
    // Every field is checked (type and value) by resolveRreluOptions.
    create: (o, context) => createRrelu(o as RreluOptions, context),
  },
  {
    name: 'elu',
    summary: 'ELU, α·(eˣ − 1) for x ≤ 0',
    reference: 'Clevert et al. 2016',
    options: [numberInfo('alpha', ELU_DEFAULT_ALPHA, 'saturation value α')],
    create: (o) => createElu(numberOption(o, 'elu', 'alpha', ELU_DEFAULT_ALPHA)),
  },
  {
    name: 'selu',
    summary: 'SELU, λ·x for x > 0, λα·(eˣ − 1) for x ≤ 0, λ ≈ 1.0507, α ≈ 1.6733',
    reference: 'Klambauer et al. 2017',
    options: [],
    create: () => createSelu(),
  },
  {
    name: 'celu',
    summary: 'CELU, α·(e^(x/α) − 1) for x ≤ 0, smooth at 0',
    reference: 'Barron 2017',
    options: [numberInfo('alpha', CELU_DEFAULT_ALPHA, 'scale α ≠ 0')],
    create: (o) => createCelu(numberOption(o, 'celu', 'alpha', CELU_DEFAULT_ALPHA)),
  },
  {
    name: 'gelu',
    summary: 'GELU, x·Φ(x) or its tanh approximation',
    reference: 'Hendrycks & Gimpel 2016',
    options: [
      stringInfo(
        'approximate',
        GELU_DEFAULT_APPROXIMATION,
        GELU_APPROXIMATIONS,
        'none: exact x·Φ(x); tanh: the tanh approximation',
      ),
    ],
    create: (o) =>
      createGelu({
        approximate: requireOneOf(
          'gelu',
          'approximate',
          o.approximate ?? GELU_DEFAULT_APPROXIMATION,
          GELU_APPROXIMATIONS,
        ),
      }),
  },
  {
    name: 'silu',
    summary: 'SiLU / Swish, x·σ(βx)',
    reference: 'Elfwing et al. 2018; Ramachandran et al. 2017',
    options: [numberInfo('beta', SILU_DEFAULT_BETA, 'sigmoid sharpness β')],
    create: (o) => createSilu(numberOption(o, 'silu', 'beta', SILU_DEFAULT_BETA)),
  },
  {
    name: 'mish',
    summary: 'Mish, x·tanh(softplus(x))',
    reference: 'Misra 2019',
    options: [],
    create: () => createMish(),
  },
  {
    name: 'softplus',
    summary: 'Softplus, log(1 + e^(βx))/β',
    reference: 'Dugas et al. 2000',
    options: [numberInfo('beta', SOFTPLUS_DEFAULT_BETA, 'sharpness β > 0')],
    create: (o) => createSoftplus(numberOption(o, 'softplus', 'beta', SOFTPLUS_DEFAULT_BETA)),
  },
];

function numberInfo(name: string, value: number, description: string): OptionInfo {
  return { name, type: 'number', default: value, description };
}

function stringInfo(
  name: string,
  value: string,
  choices: readonly string[],
  description: string,
): OptionInfo {
  return { name, type: 'string', default: value, choices, description };
}

function numberOption(
  options: ActivationOptions,
  owner: string,
  key: string,
  fallback: number,
): number {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number') {
    throw new RangeError(`${owner}: option ${key} must be a number, got ${describe(value)}`);
  }
  return value;
}
