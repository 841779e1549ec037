import { REGISTRY_ENTRIES } from './registry-entries.js';
import type { Activation } from './types.js';
import { describe } from './validate.js';

export { LEAKY_SLOPE, VERY_LEAKY_SLOPE } from './registry-entries.js';

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
  /** One line: what it computes. */
  summary: string;
  /** The paper it comes from, as "Author et al. year". */
  reference: string;
  options: readonly OptionInfo[];
}

/** Per-instance context: the run seed and the layer name key RReLU's noise. */
export interface ActivationContext {
  seed: number;
  name: string;
}

/** Options accepted by name; validated by each activation's factory. */
export type ActivationOptions = Readonly<Record<string, string | number | undefined>>;

/**
 * Every registered activation name, in the registry's order: `relu, lrelu,
 * vlrelu, prelu, rrelu, elu` (the comparison's six), then `selu, celu, gelu,
 * silu, mish, softplus`. New activations are appended.
 */
export const ACTIVATION_NAMES: readonly string[] = REGISTRY_ENTRIES.map((entry) => entry.name);

/** The six activations of the blog experiment and the paper, in their order. */
export const COMPARISON_ACTIVATIONS: readonly string[] = ACTIVATION_NAMES.slice(0, 6);

/** The registry's description of every activation and its options. */
export function listActivations(): readonly ActivationInfo[] {
  return REGISTRY_ENTRIES.map(({ name, summary, reference, options }) => ({
    name,
    summary,
    reference,
    options,
  }));
}

/**
 * Creates an activation by name with options by name; every option not given
 * takes the default `listActivations()` states. Unknown names and options are
 * errors that list the valid ones; bad values are errors naming the option.
 *
 * @example
 * createActivation('rrelu', { preset: 'torch' }, { seed: 1, name: 'hidden1' });
 * createActivation('gelu', { approximate: 'tanh' });
 */
export function createActivation(
  name: string,
  options: ActivationOptions = {},
  context: ActivationContext = { seed: 0, name },
): Activation {
  const entry = REGISTRY_ENTRIES.find((candidate) => candidate.name === name);
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
