import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { LoadOptions } from '@rrelu/data-mnist';
import { type Cell, canonicalJson, cellId, resolveRunConfig } from '@rrelu/trainer';
import { DataError, UsageError } from './errors.js';
import { dataOptions, planCells, type RunSpec } from './run-spec.js';

/** The `format` of plan.json. */
export const PLAN_FORMAT = 'rrelu-plan';

/** plan.json: every cell of a run, its settings and a hash that identifies the plan. */
export interface PlanFile {
  format: typeof PLAN_FORMAT;
  /** SHA-256 of the cells and data options; parts of one plan share it. */
  hash: string;
  config: RunSpec;
  data: LoadOptions;
  cells: Cell[];
}

/** Builds the plan of a run. */
export function makePlan(spec: RunSpec): PlanFile {
  const { out: _out, workers: _workers, ...config } = spec;
  const cells = planCells(spec);
  const data = dataOptions(spec);
  return {
    format: PLAN_FORMAT,
    hash: planHash(cells, data),
    config: config as RunSpec,
    data,
    cells,
  };
}

/** The hash of a plan's cells and data options. */
export function planHash(cells: readonly Cell[], data: LoadOptions): string {
  const text = canonicalJson({ cells: cells.map((c) => c.id), data });
  return createHash('sha256').update(text).digest('hex');
}

/** Reads and checks a plan file: format, hash, and every cell id against its configuration. */
export async function readPlan(file: string): Promise<PlanFile> {
  let plan: PlanFile;
  try {
    plan = JSON.parse(await readFile(file, 'utf8')) as PlanFile;
  } catch (error) {
    throw new UsageError(`--plan ${file}: cannot read it as JSON (${(error as Error).message})`);
  }
  if (plan?.format !== PLAN_FORMAT || !Array.isArray(plan.cells)) {
    throw new DataError(
      `--plan ${file}: not a plan file (format ${JSON.stringify(plan?.format)}, expected "${PLAN_FORMAT}")`,
    );
  }
  for (const cell of plan.cells) {
    const id = cellId(resolveRunConfig(cell.config));
    if (id !== cell.id) {
      throw new DataError(
        `--plan ${file}: cell "${cell.id}" does not match its configuration (expected id ${id}); the file was edited`,
      );
    }
  }
  const hash = planHash(plan.cells, plan.data);
  if (hash !== plan.hash) {
    throw new DataError(
      `--plan ${file}: hash ${plan.hash} does not match its cells (${hash}); the file was edited`,
    );
  }
  return plan;
}

/** A 1-based shard of n. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The shard this process runs: `--shard i/n`; else Kubernetes's
 * JOB_COMPLETION_INDEX (0-based) with `--shard-count`; else Slurm's
 * SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT (counted from
 * SLURM_ARRAY_TASK_MIN); else null (every cell).
 */
export function resolveShard(
  flag: string | undefined,
  shardCount: number | undefined,
  env: NodeJS.ProcessEnv,
): Shard | null {
  if (flag !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(flag.trim());
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (match === null || count < 1 || index < 1 || index > count) {
      throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/3, got "${flag}"`);
    }
    return { index, count };
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    const index = Number(env.JOB_COMPLETION_INDEX);
    if (shardCount === undefined) {
      throw new UsageError(
        "JOB_COMPLETION_INDEX is set: give the number of shards with --shard-count (the Job's completions)",
      );
    }
    if (!Number.isSafeInteger(index) || index < 0 || index >= shardCount) {
      throw new UsageError(
        `JOB_COMPLETION_INDEX must be a whole number from 0 to ${shardCount - 1} (--shard-count ${shardCount}), got "${env.JOB_COMPLETION_INDEX}"`,
      );
    }
    return { index: index + 1, count: shardCount };
  }
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const id = Number(env.SLURM_ARRAY_TASK_ID);
    const min = Number(env.SLURM_ARRAY_TASK_MIN ?? 0);
    const count = shardCount ?? Number(env.SLURM_ARRAY_TASK_COUNT);
    const index = id - min + 1;
    if (
      !Number.isSafeInteger(count) ||
      count < 1 ||
      !Number.isSafeInteger(index) ||
      index < 1 ||
      index > count
    ) {
      throw new UsageError(
        `SLURM_ARRAY_TASK_ID ${env.SLURM_ARRAY_TASK_ID} (min ${min}) does not fit ${count} tasks; set SLURM_ARRAY_TASK_COUNT or --shard-count`,
      );
    }
    return { index, count };
  }
  return null;
}

/** The cells of a shard: every n-th cell starting at the i-th, so shards get similar work. */
export function shardCells(cells: readonly Cell[], shard: Shard): Cell[] {
  return cells.filter((_, i) => i % shard.count === shard.index - 1);
}
