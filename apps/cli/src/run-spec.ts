import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ACTIVATION_NAMES,
  COMPARISON_ACTIVATIONS,
  RRELU_PRESET_NAMES,
  type RreluPreset,
} from '@rrelu/activations';
import type { LoadOptions } from '@rrelu/data-mnist';
import { COMPARISON_HIDDEN_UNITS } from '@rrelu/layers';
import { type ActivationChoice, type Cell, planGrid, type RunConfig } from '@rrelu/trainer';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UsageError } from './errors.js';

/** Named setups: which RReLU convention and batch-norm constants a run uses. */
export const PRESET_NAMES = ['paper', 'blog', 'torch'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** What a preset fixes; everything else comes from the flags. */
export interface PresetSettings {
  rrelu: RreluPreset;
  /** Leaky ReLU (`lrelu`) negative slope. */
  leakySlope: number;
  batchNormDecay: number;
  batchNormEpsilon: number;
}

/**
 * - paper: Xu et al.'s RReLU (x / a, a ~ U(3, 8)), leaky slope 0.01, Keras batch
 *   norm (decay 0.99, ε 1e-3) — the default.
 * - blog: the blog script's RReLU (one a·x per layer) and batch norm
 *   (decay 0.999, ε 1e-8).
 * - torch: PyTorch's RReLU (s ~ U(1/8, 1/3)), leaky slope 0.01, batch norm
 *   momentum 0.1 (decay 0.9), ε 1e-5.
 */
export const PRESETS: Readonly<Record<PresetName, PresetSettings>> = {
  paper: { rrelu: 'paper', leakySlope: 0.01, batchNormDecay: 0.99, batchNormEpsilon: 1e-3 },
  blog: { rrelu: 'blog', leakySlope: 0.01, batchNormDecay: 0.999, batchNormEpsilon: 1e-8 },
  torch: { rrelu: 'torch', leakySlope: 0.01, batchNormDecay: 0.9, batchNormEpsilon: 1e-5 },
};

/** Defaults of every run setting; `--help` shows the same values. */
export const RUN_DEFAULTS = {
  preset: 'paper' as PresetName,
  // The comparison's six by default; any registry activation can be named.
  activations: [...COMPARISON_ACTIVATIONS],
  bn: 'both' as 'off' | 'on' | 'both',
  hidden: [...COMPARISON_HIDDEN_UNITS],
  epochs: 10,
  batchSize: 60,
  lr: 1e-4,
  seed: 0,
  seeds: 1,
  validationSize: 5000,
  workers: os.availableParallelism(),
};

const whole = (min: number) => z.number().int().min(min);

/** The one schema of a run's settings, for configuration files and the manifest. */
export const runSpecSchema = z
  .object({
    preset: z.enum(PRESET_NAMES).default(RUN_DEFAULTS.preset),
    activations: z
      .array(z.enum(ACTIVATION_NAMES as [string, ...string[]]))
      .min(1)
      .default(RUN_DEFAULTS.activations),
    rrelu: z.array(z.enum(RRELU_PRESET_NAMES as [RreluPreset, ...RreluPreset[]])).optional(),
    bn: z.enum(['off', 'on', 'both']).default(RUN_DEFAULTS.bn),
    hidden: z.array(whole(1)).min(1).default(RUN_DEFAULTS.hidden),
    epochs: whole(1).default(RUN_DEFAULTS.epochs),
    batchSize: whole(2).default(RUN_DEFAULTS.batchSize),
    lr: z.number().positive().finite().default(RUN_DEFAULTS.lr),
    seed: whole(0).default(RUN_DEFAULTS.seed),
    seeds: whole(1).max(1000).default(RUN_DEFAULTS.seeds),
    trainSize: whole(2).optional(),
    validationSize: whole(0).default(RUN_DEFAULTS.validationSize),
    testSize: whole(1).optional(),
    dataDir: z.string().optional(),
    out: z.string().optional(),
    workers: whole(1).max(64).default(RUN_DEFAULTS.workers),
  })
  .strict();

/** Resolved run settings. */
export type RunSpec = z.infer<typeof runSpecSchema>;
/** The keys a configuration file may hold. */
export const RUN_SPEC_KEYS = Object.keys(runSpecSchema.shape) as (keyof RunSpec)[];

/**
 * Resolves settings: the configuration file (if any), then the flags given on
 * the command line (`explicit`) on top, then `fallback` and the defaults; validates the result
 * with {@link runSpecSchema}. Errors name the file, the key and the value.
 */
export async function resolveRunSpec(
  explicit: Partial<Record<string, unknown>>,
  configPath: string | undefined,
  fallback: Partial<Record<string, unknown>> = {},
): Promise<RunSpec> {
  const fromFile = configPath === undefined ? {} : await readConfigFile(configPath);
  const merged = { ...fallback, ...fromFile, ...explicit };
  const result = runSpecSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue?.path.join('.') ?? '';
    const value = issue === undefined ? undefined : valueAt(merged, issue.path);
    const source =
      configPath !== undefined && !(String(issue?.path[0]) in explicit) ? `${configPath}: ` : '';
    const what =
      issue?.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}; ` +
          `allowed keys: ${RUN_SPEC_KEYS.join(', ')}`
        : `key "${key}" = ${JSON.stringify(value)}: ${issue?.message ?? 'invalid'}`;
    throw new UsageError(`${source}${what}`);
  }
  return result.data;
}

/** Reads a JSON or YAML configuration file into a plain object. */
export async function readConfigFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--config ${file}: cannot read it (${(error as Error).message})`);
  }
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--config ${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ` +
        (error as Error).message,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      `--config ${file}: must hold an object of settings, got ${JSON.stringify(value)}`,
    );
  }
  return value as Record<string, unknown>;
}

/** The activation rows of a run: the registry names, RReLU rows per `--rrelu` convention. */
export function activationChoices(spec: RunSpec): ActivationChoice[] {
  const preset = PRESETS[spec.preset];
  const one = (name: string): ActivationChoice[] => {
    if (name === 'rrelu' && spec.rrelu !== undefined) {
      return spec.rrelu.map((convention) => ({
        activation: 'rrelu',
        options: { preset: convention },
        label: `rrelu-${convention}`,
      }));
    }
    if (name === 'rrelu') return [{ activation: 'rrelu', options: { preset: preset.rrelu } }];
    if (name === 'lrelu') return [{ activation: 'lrelu', options: { alpha: preset.leakySlope } }];
    return [{ activation: name }];
  };
  const choices = spec.activations.flatMap(one);
  if (spec.rrelu !== undefined && !spec.activations.includes('rrelu')) {
    choices.push(...one('rrelu'));
  }
  return choices;
}

/** The run's base configuration (everything but activation, batch norm and seed). */
export function baseConfig(spec: RunSpec): Partial<RunConfig> {
  const preset = PRESETS[spec.preset];
  return {
    epochs: spec.epochs,
    batchSize: spec.batchSize,
    hidden: spec.hidden,
    optimizer: { name: 'adam', learningRate: spec.lr },
    batchNormDecay: preset.batchNormDecay,
    batchNormEpsilon: preset.batchNormEpsilon,
  };
}

/** Every cell of the run, in the grid's stable order. */
export function planCells(spec: RunSpec): Cell[] {
  return planGrid({
    activations: activationChoices(spec),
    batchNorm: spec.bn === 'both' ? [false, true] : [spec.bn === 'on'],
    seeds: Array.from({ length: spec.seeds }, (_, i) => spec.seed + i),
    base: baseConfig(spec),
  });
}

/** Data loading options of a run. */
export function dataOptions(spec: RunSpec): LoadOptions {
  return {
    ...(spec.dataDir === undefined ? {} : { dataDir: path.resolve(spec.dataDir) }),
    ...(spec.trainSize === undefined ? {} : { trainSize: spec.trainSize }),
    ...(spec.testSize === undefined ? {} : { testSize: spec.testSize }),
    validationSize: spec.validationSize,
  };
}

function valueAt(object: unknown, keys: readonly PropertyKey[]): unknown {
  let value: unknown = object;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
