import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Cell, RunResult } from '@rrelu/trainer';
import type { CellOutcome } from './pool.js';
import type { EpochRow } from './report/index.js';
import { writeFileAtomic } from './report/index.js';

/** Folder of per-cell results inside an output folder. */
export const CELLS_DIR = 'cells';

/** One cell's saved outcome, `cells/<id>.json`. */
export interface CellRecord {
  id: string;
  status: 'complete' | 'diverged' | 'interrupted' | 'failed';
  error?: string;
  result: RunResult | null;
}

/** Writes a cell's outcome atomically as soon as it ends, so nothing finished is lost. */
export async function saveCell(outDir: string, outcome: CellOutcome): Promise<CellRecord> {
  const record: CellRecord =
    outcome.status === 'failed'
      ? { id: outcome.cell.id, status: 'failed', error: outcome.message, result: null }
      : {
          id: outcome.cell.id,
          status: outcome.result.divergence
            ? 'diverged'
            : outcome.result.interrupted
              ? 'interrupted'
              : 'complete',
          result: outcome.result,
        };
  const folder = path.join(outDir, CELLS_DIR);
  await mkdir(folder, { recursive: true });
  await writeFileAtomic(path.join(folder, `${record.id}.json`), `${stringify(record)}\n`);
  return record;
}

/** Reads the saved record of a cell, or null when it has none. */
export async function loadCell(outDir: string, cell: Cell): Promise<CellRecord | null> {
  try {
    const text = await readFile(path.join(outDir, CELLS_DIR, `${cell.id}.json`), 'utf8');
    return parseJson(text) as CellRecord;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/** The metric rows of a run, one per finished epoch, labelled by the cell's row label. */
export function epochRows(result: RunResult): EpochRow[] {
  return result.epochs.map((m) => ({
    activation: result.config.label,
    batchNorm: result.config.batchNorm,
    seed: result.config.seed,
    epoch: m.epoch,
    trainLoss: m.trainLoss,
    trainAccuracy: m.trainAccuracy,
    validationAccuracy: m.validationAccuracy,
    testAccuracy: m.testAccuracy,
    seconds: m.seconds,
  }));
}

/** Versions of the packages a run used, for its manifest. */
export function packageVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const names = [
    '@rrelu/activations',
    '@rrelu/layers',
    '@rrelu/data-mnist',
    '@rrelu/trainer',
    '@tensorflow/tfjs-core',
    '@tensorflow/tfjs-backend-wasm',
  ];
  return Object.fromEntries(
    names.map((name) => {
      const manifest = require(`${name}/package.json`) as { version: string };
      return [name, manifest.version];
    }),
  );
}

/** JSON with NaN and ±Infinity written as null-safe strings, so a diverged loss survives. */
export function stringify(value: unknown): string {
  return JSON.stringify(
    value,
    (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    2,
  );
}

/** JSON.parse that turns the strings {@link stringify} wrote for NaN and ±Infinity back into numbers. */
export function parseJson(text: string): unknown {
  const special: Record<string, number> = {
    NaN: Number.NaN,
    Infinity: Number.POSITIVE_INFINITY,
    '-Infinity': Number.NEGATIVE_INFINITY,
  };
  return JSON.parse(text, (_, v: unknown) =>
    typeof v === 'string' && v in special ? special[v] : v,
  );
}
