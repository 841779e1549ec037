import { toMetricsCsv } from '@rrelu/trainer/report';
import type { EpochRow } from '@rrelu/trainer/report';
import { summarize } from '@rrelu/trainer/report';
import type { SummaryJson } from '@rrelu/trainer/report';
import type { RunResult } from '@rrelu/trainer';

/** What the web app records under `meta` in its summary.json. */
export interface WebMeta {
  source: 'web';
  exportedAt: string;
  runs: { id: string; label: string; trainSize: number; seeds: RunResult['seeds'] }[];
  backend: { simd: boolean; threads: number; file: string } | null;
}

/** The rows of a run, one per finished epoch, labelled by the run's row label (as the CLI does). */
export function epochRowsOf(result: RunResult): EpochRow[] {
  return result.epochs.map((metrics) => ({
    activation: result.config.label,
    batchNorm: result.config.batchNorm,
    seed: result.config.seed,
    epoch: metrics.epoch,
    trainLoss: metrics.trainLoss,
    trainAccuracy: metrics.trainAccuracy,
    validationAccuracy: metrics.validationAccuracy,
    testAccuracy: metrics.testAccuracy,
    seconds: metrics.seconds,
  }));
}

/** summary.json in the CLI's layout `{ meta, rows, summary }`, NaN written as null. */
export function toSummaryJson(rows: readonly EpochRow[], meta: WebMeta): string {
  const content: SummaryJson<WebMeta> = { meta, rows: [...rows], summary: summarize(rows) };
  return `${JSON.stringify(content, null, 2)}\n`;
}

/** metrics.csv exactly as the CLI writes it. */
export function toCsv(rows: readonly EpochRow[]): string {
  return toMetricsCsv(rows);
}

/**
 * Reads the rows of a summary.json written by the CLI or by this app. A
 * null training loss (NaN before the JSON round trip) reads back as NaN.
 * Throws an Error saying which field is wrong.
 */
export function rowsFromSummaryJson(text: string): EpochRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`summary.json is not JSON (${error instanceof Error ? error.message : error})`);
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.rows)) {
    throw new Error('summary.json must be an object with a "rows" array');
  }
  return parsed.rows.map((row: unknown, i: number) => toRow(row, i));
}

function toRow(row: unknown, index: number): EpochRow {
  if (!isRecord(row)) throw new Error(`rows[${index}] is not an object`);
  const text = (key: string): string => {
    const value = row[key];
    if (typeof value !== 'string') throw new Error(`rows[${index}].${key} must be a string`);
    return value;
  };
  const number = (key: string): number => {
    const value = row[key];
    if (value === null) return Number.NaN;
    if (typeof value !== 'number') throw new Error(`rows[${index}].${key} must be a number`);
    return value;
  };
  const activation = text('activation');
  const flag = row.batchNorm;
  if (typeof flag !== 'boolean') throw new Error(`rows[${index}].batchNorm must be true or false`);
  return {
    activation,
    batchNorm: flag,
    seed: number('seed'),
    epoch: number('epoch'),
    trainLoss: number('trainLoss'),
    trainAccuracy: number('trainAccuracy'),
    validationAccuracy: number('validationAccuracy'),
    testAccuracy: number('testAccuracy'),
    seconds: number('seconds'),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
