import { createElu, ELU_DEFAULT_ALPHA } from './elu.js';
import { createLeakyRelu } from './leaky-relu.js';
import { createPrelu, PRELU_DEFAULT_INITIAL, PRELU_SHARING } from './prelu.js';
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
import type { Activation } from './types.js';
import { describe } from './validate.js';

/** Leaky ReLU slope of the paper's "a = 100" setting. */
export const LEAKY_SLOPE = 0.01;
/** "Very leaky" ReLU slope of the paper's "a = 5.5" setting. */
export const VERY_LEAKY_SLOPE = 1 / 5.5;

/** One option of a registered activation, for help texts and forms. */
export interface OptionInfo {
  name: string;
  type: 'number' | 'string';
  default: number | string;
  /** Allowed values of a string option. */
  choices?: readonly string[];
  description: string;
}

/** What the registry knows about one activation. */
export interface ActivationInfo {
  name: string;
  summary: string;
  options: readonly OptionInfo[];
}

/** Per-instance context: the run seed and the layer name key RReLU's noise. */
export interface ActivationContext {
  seed: number;
  name: string;
}

/** Options accepted by name; validated by each activation's factory. */
export type ActivationOptions = Readonly<Record<string, string | number | undefined>>;

interface Entry extends ActivationInfo {
  create(options: ActivationOptions, context: ActivationContext): Activation;
}

const alphaOption = (value: number, description: string): OptionInfo => ({
  name: 'alpha',
  type: 'number',
  default: value,
  description,
});

const ENTRIES: readonly Entry[] = [
  {
    name: 'relu',
    summary: 'max(x, 0)',
    options: [],
    create: () => createRelu(),
  },
  {
    name: 'lrelu',
    summary: "Leaky ReLU, slope 0.01 (the paper's a = 100)",
    options: [alphaOption(LEAKY_SLOPE, 'negative-side slope')],
    create: (o) => createLeakyRelu(numberOption(o, 'alpha', LEAKY_SLOPE), 'lrelu'),
  },
  {
    name: 'vlrelu',
    summary: "very leaky ReLU, slope 1/5.5 (the paper's a = 5.5)",
    options: [alphaOption(VERY_LEAKY_SLOPE, 'negative-side slope')],
    create: (o) => createLeakyRelu(numberOption(o, 'alpha', VERY_LEAKY_SLOPE), 'vlrelu'),
  },
  {
    name: 'prelu',
    summary: 'PReLU, learned slope per unit, initial 0.25',
    options: [
      {
        name: 'initial',
        type: 'number',
        default: PRELU_DEFAULT_INITIAL,
        description: 'initial slope',
      },
      {
        name: 'sharing',
        type: 'string',
        default: 'channel',
        choices: PRELU_SHARING,
        description: 'slopes per channel, one shared, or per element',
      },
    ],
    create: (o) =>
      createPrelu({
        initial: numberOption(o, 'initial', PRELU_DEFAULT_INITIAL),
        sharing: stringOption(o, 'sharing', 'channel') as 'channel',
      }),
  },
  {
    name: 'rrelu',
    summary: 'randomized leaky ReLU; presets paper (x/a, a~U(3,8)), torch, blog',
    options: [
      {
        name: 'preset',
        type: 'string',
        default: 'paper',
        choices: RRELU_PRESET_NAMES,
        description: 'named convention',
      },
      {
        name: 'form',
        type: 'string',
        default: RRELU_PRESETS.paper.form,
        choices: RRELU_FORMS,
        description: 'x / a or s·x',
      },
      {
        name: 'lower',
        type: 'number',
        default: RRELU_PRESETS.paper.lower,
        description: 'lower bound of a (divide) or s (multiply)',
      },
      {
        name: 'upper',
        type: 'number',
        default: RRELU_PRESETS.paper.upper,
        description: 'upper bound',
      },
      {
        name: 'noise',
        type: 'string',
        default: RRELU_PRESETS.paper.noise,
        choices: RRELU_NOISE,
        description: 'a draw per element, unit or layer',
      },
      {
        name: 'evaluation',
        type: 'string',
        default: RRELU_PRESETS.paper.evaluation,
        choices: RRELU_EVALUATION,
        description: 'evaluation slope rule',
      },
    ],
    create: (o, context) => createRrelu(o as RreluOptions, context),
  },
  {
    name: 'elu',
    summary: 'ELU, α·(eˣ − 1) for x ≤ 0',
    options: [alphaOption(ELU_DEFAULT_ALPHA, 'saturation value α')],
    create: (o) => createElu(numberOption(o, 'alpha', ELU_DEFAULT_ALPHA)),
  },
];

/** Every registered activation name, in the comparison's order. */
export const ACTIVATION_NAMES: readonly string[] = ENTRIES.map((entry) => entry.name);

/** The registry's description of every activation and its options. */
export function listActivations(): readonly ActivationInfo[] {
  return ENTRIES.map(({ name, summary, options }) => ({ name, summary, options }));
}

/**
 * Creates an activation by name. Unknown names and options are errors that
 * list the valid ones.
 *
 * @example
 * createActivation('rrelu', { preset: 'torch' }, { seed: 1, name: 'hidden1' });
 */
export function createActivation(
  name: string,
  options: ActivationOptions = {},
  context: ActivationContext = { seed: 0, name },
): Activation {
  const entry = ENTRIES.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    throw new RangeError(
      `unknown activation ${describe(name)}; expected one of ${ACTIVATION_NAMES.join(', ')}`,
    );
  }

  const known = entry.options.map((option) => option.name);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const allowed = known.length > 0 ? known.join(', ') : 'none';
      throw new RangeError(`${name}: unknown option ${describe(key)}; its options are ${allowed}`);
    }
  }
  return entry.create(options, context);
}

function numberOption(options: ActivationOptions, key: string, fallback: number): number {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number') {
    throw new RangeError(`option ${key} must be a number, got ${describe(value)}`);
  }
  return value;
}

function stringOption(options: ActivationOptions, key: string, fallback: string): string {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'string') {
    throw new RangeError(`option ${key} must be a string, got ${describe(value)}`);
  }
  return value;
}
