import path from 'node:path';
import type { RunResult } from '@rrelu/trainer';
import {
  type EpochRow,
  formatTable,
  renderSvg,
  type SummaryRow,
  summarize,
  svgToPng,
  writeFileAtomic,
  writeReport,
} from './report/index.js';
import { epochRows } from './results.js';
import { errorFigureSpec } from '@rrelu/trainer';

/** Files of the error figure. */
export const ERROR_FIGURE_FILES = {
  spec: 'error.vl.json',
  svg: 'error.svg',
  png: 'error.png',
} as const;

/** What a written report says, for printing. */
export interface WrittenReport {
  json: { rows: EpochRow[]; summary: SummaryRow[] };
  table: string;
}

/** Writes the report of finished runs (given in the grid's order) into `outDir`. */
export async function writeRunReport(
  outDir: string,
  results: readonly RunResult[],
  meta: object,
): Promise<WrittenReport> {
  return writeRowsReport(outDir, results.flatMap(epochRows), meta);
}

/**
 * Writes metrics.csv, summary.json/.md, the accuracy figure and the error
 * figure (each with its Vega-Lite spec) from epoch rows.
 */
export async function writeRowsReport(
  outDir: string,
  rows: readonly EpochRow[],
  meta: object,
): Promise<WrittenReport> {
  await writeReport(outDir, rows, meta);
  const summary = summarize(rows);
  await writeErrorFigure(outDir, summary);
  const color = process.stdout.isTTY === true && !('NO_COLOR' in process.env);
  return { json: { rows: [...rows], summary }, table: formatTable(summary, { color }) };
}

/** Writes error.vl.json, error.svg and error.png. */
export async function writeErrorFigure(
  outDir: string,
  summary: readonly SummaryRow[],
): Promise<void> {
  const spec = errorFigureSpec(summary);
  const svg = await renderSvg(spec);
  await writeFileAtomic(
    path.join(outDir, ERROR_FIGURE_FILES.spec),
    `${JSON.stringify(spec, null, 2)}\n`,
  );
  await writeFileAtomic(path.join(outDir, ERROR_FIGURE_FILES.svg), svg);
  await writeFileAtomic(path.join(outDir, ERROR_FIGURE_FILES.png), svgToPng(svg));
}
