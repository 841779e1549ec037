import { type ActivationOptions, hashString } from '@rrelu/activations';
import { canonicalJson } from '@rrelu/layers';
import { type RunConfig, resolveRunConfig } from './config.js';

/** One activation row of a grid: a registry name, its options and a label. */
export interface ActivationChoice {
  activation: string;
  options?: ActivationOptions;
  /** Row label; default the activation name. Must be unique within a grid. */
  label?: string;
}

/** A grid of runs: every activation × batch-norm setting × seed on a shared base. */
export interface GridSpec {
  activations: readonly ActivationChoice[];
  batchNorm: readonly boolean[];
  seeds: readonly number[];
  base?: Partial<RunConfig>;
}

/** One run of a grid with a stable id derived from its resolved configuration. */
export interface Cell {
  id: string;
  config: RunConfig;
}

/**
 * Expands a grid into cells, activation-major, in a stable order. A cell's
 * id reads `<label>-<bn|nobn>-s<seed>-<hash>`, the hash covering its whole
 * resolved configuration, so the same configuration always has the same id
 * and any change of setting gives a new one.
 */
export function planGrid(spec: GridSpec): Cell[] {
  const labels = spec.activations.map((choice) => choice.label ?? choice.activation);
  const duplicate = labels.find((label, i) => labels.indexOf(label) !== i);
  if (duplicate !== undefined) {
    throw new RangeError(`grid: activation label "${duplicate}" appears twice`);
  }
  if (spec.activations.length === 0 || spec.batchNorm.length === 0 || spec.seeds.length === 0) {
    throw new RangeError('grid: needs at least one activation, batch-norm setting and seed');
  }

  return spec.activations.flatMap((choice, i) =>
    spec.batchNorm.flatMap((batchNorm) =>
      spec.seeds.map((seed) => {
        const config = resolveRunConfig({
          ...spec.base,
          activation: choice.activation,
          activationOptions: choice.options ?? {},
          label: labels[i] as string,
          batchNorm,
          seed,
        });
        return { id: cellId(config), config };
      }),
    ),
  );
}

/** The stable id of a resolved configuration. */
export function cellId(config: RunConfig): string {
  const digest = hashString(canonicalJson(config)).toString(16).padStart(8, '0');
  const safeLabel = config.label.replace(/[^A-Za-z0-9_.+-]/g, '_');
  return `${safeLabel}-${config.batchNorm ? 'bn' : 'nobn'}-s${config.seed}-${digest}`;
}
