import { ACTIVATION_NAMES, RRELU_PRESET_NAMES } from '@rrelu/activations';
import type { Command } from 'commander';
import { listOf, oneOf, positiveNumber, wholeNumber, wholeNumbers } from './options.js';
import {
  PRESET_NAMES,
  RUN_DEFAULTS,
  RUN_SPEC_KEYS,
  type RunSpec,
  resolveRunSpec,
} from './run-spec.js';

/** Which groups of run flags a command takes. */
export interface RunFlagSet {
  /** --activations, --bn, --seeds, --rrelu (grids); otherwise --activation and --bn on|off. */
  grid: boolean;
  /** --workers. */
  workers: boolean;
}

/**
 * Adds the run settings shared by compare, plan, run and train, each with its
 * default in `--help`. Values are validated as they are parsed; a
 * configuration file (`--config`) is read later by {@link runSpecFromFlags}.
 */
export function addRunFlags<C extends Command>(command: C, set: RunFlagSet): C {
  command.option('--config <file>', 'settings from a JSON or YAML file; flags override it');
  command.option(
    '--preset <name>',
    'setup: paper (Xu et al. RReLU, BN decay 0.99 ε 1e-3), blog (blog RReLU, BN decay 0.999 ε 1e-8), torch (PyTorch RReLU, BN decay 0.9 ε 1e-5)',
    oneOf('--preset', PRESET_NAMES),
    RUN_DEFAULTS.preset,
  );
  if (set.grid) {
    command
      .option(
        '--activations <list>',
        `comma-separated activations (${ACTIVATION_NAMES.join(', ')})`,
        listOf('--activations', ACTIVATION_NAMES),
        RUN_DEFAULTS.activations,
      )
      .option(
        '--rrelu <conventions>',
        `one RReLU row per convention (${RRELU_PRESET_NAMES.join(', ')}), labelled rrelu-<name>, in place of the rrelu row`,
        listOf('--rrelu', RRELU_PRESET_NAMES),
      )
      .option(
        '--bn <mode>',
        'batch norm: off, on or both',
        oneOf('--bn', ['off', 'on', 'both'] as const),
        RUN_DEFAULTS.bn,
      )
      .option(
        '--seeds <n>',
        'number of seeds (seed, seed + 1, …)',
        wholeNumber('--seeds', 1, 1000),
        RUN_DEFAULTS.seeds,
      );
  } else {
    command
      .option(
        '--activation <name>',
        `activation (${ACTIVATION_NAMES.join(', ')})`,
        oneOf('--activation', ACTIVATION_NAMES),
        'relu',
      )
      .option(
        '--rrelu <convention>',
        `RReLU convention (${RRELU_PRESET_NAMES.join(', ')}; default: the preset's)`,
        oneOf('--rrelu', RRELU_PRESET_NAMES),
      )
      .option('--bn <mode>', 'batch norm: off or on', oneOf('--bn', ['off', 'on'] as const), 'off');
  }
  command
    .option(
      '--hidden <sizes>',
      'hidden layer sizes',
      // A layer of 65,536 units already takes 205 MB of weights after a 784-pixel input.
      wholeNumbers('--hidden', 1, 65_536),
      RUN_DEFAULTS.hidden,
    )
    .option('--epochs <n>', 'epochs per run', wholeNumber('--epochs', 1), RUN_DEFAULTS.epochs)
    .option(
      '--batch-size <n>',
      'examples per training step',
      wholeNumber('--batch-size', 2),
      RUN_DEFAULTS.batchSize,
    )
    .option('--lr <rate>', 'Adam learning rate', positiveNumber('--lr'), RUN_DEFAULTS.lr)
    .option(
      '--seed <n>',
      set.grid ? 'first run seed' : 'run seed',
      wholeNumber('--seed', 0),
      RUN_DEFAULTS.seed,
    )
    .option(
      '--train-size <n>',
      'use only the first N training examples (default: all 55,000)',
      wholeNumber('--train-size', 2),
    )
    .option(
      '--validation-size <n>',
      'training examples held out for validation',
      wholeNumber('--validation-size', 0),
      RUN_DEFAULTS.validationSize,
    )
    .option(
      '--test-size <n>',
      'evaluate on the first N test examples only (default: all 10,000)',
      wholeNumber('--test-size', 1),
    )
    .option(
      '--data-dir <dir>',
      'folder with the four IDX files, raw or .gz (default: embedded MNIST)',
    );
  if (set.workers) {
    command.option(
      '--workers <n>',
      'parallel worker threads',
      wholeNumber('--workers', 1, 64),
      RUN_DEFAULTS.workers,
    );
  }
  return command;
}

/**
 * The resolved settings of a command: its configuration file, the flags typed
 * on the command line over it, defaults for the rest. A single-run command's
 * `--activation`/`--rrelu` become a one-row grid.
 */
export async function runSpecFromFlags(command: Command): Promise<RunSpec> {
  const values = command.opts<Record<string, unknown>>();
  const explicit: Record<string, unknown> = {};
  for (const key of [...RUN_SPEC_KEYS, 'activation']) {
    if (command.getOptionValueSource(key) === 'cli' && values[key] !== undefined) {
      explicit[key] = values[key];
    }
  }
  const single = command.getOptionValueSource('activation') !== undefined;
  if (single) {
    if ('activation' in explicit) explicit.activations = [explicit.activation];
    delete explicit.activation;
    if (typeof explicit.rrelu === 'string') explicit.rrelu = [explicit.rrelu];
  }
  const fallback = single ? { activations: ['relu'], bn: 'off' } : {};
  return resolveRunSpec(explicit, values.config as string | undefined, fallback);
}
