import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { writeFileAtomic } from './atomic-write.js';
import { renderSvg, svgToPng } from './render.js';
import { toMarkdown } from './table.js';
import {
  accuracyFigureSpec,
  type SummaryJson,
  type EpochRow,
  summarize,
  toMetricsCsv,
} from '@rrelu/trainer';

/** Names of the files {@link writeReport} writes, in the order it writes them. */
export const REPORT_FILES = {
  metrics: 'metrics.csv',
  summaryJson: 'summary.json',
  summaryMarkdown: 'summary.md',
  figureSpec: 'figure.vl.json',
  figureSvg: 'figure.svg',
  figurePng: 'figure.png',
} as const;

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** Figure title; default the one of `accuracyFigureSpec`. */
  title?: string;
  /** Receives Vega-Lite and Vega warnings raised while rendering the figure. */
  onWarning?: (message: string) => void;
}

/**
 * Writes the report of a grid run into `outDir` (created if missing), each
 * file atomically: metrics.csv (every epoch row), summary.json
 * (`{ meta, rows, summary }`; NaN becomes null in JSON), summary.md (the
 * Markdown table), figure.vl.json (the Vega-Lite spec), figure.svg and
 * figure.png (twice the SVG's size, DejaVu Sans text).
 *
 * @param outDir Folder for the report files.
 * @param rows Epoch rows of the runs; at least one with a finite test accuracy.
 * @param meta Run description stored as-is under `meta` in summary.json
 *   (e.g. options, versions, start time); must be JSON-serializable.
 * @param options Figure title and warning sink.
 * @returns The paths written, in the order of {@link REPORT_FILES}.
 * @example
 * const paths = await writeReport('results/2024-05-01', rows, { epochs: 10, seeds: [1, 2, 3] });
 */
export async function writeReport(
  outDir: string,
  rows: readonly EpochRow[],
  meta: object,
  options: WriteReportOptions = {},
): Promise<string[]> {
  if (rows.length === 0) throw new RangeError('writeReport needs at least one epoch row, got 0');

  const summary = summarize(rows);
  const spec = accuracyFigureSpec(rows, { title: options.title });
  const svg = await renderSvg(spec, { onWarning: options.onWarning });
  const summaryJson: SummaryJson = { meta, rows: [...rows], summary };
  const contents: [string, string | Uint8Array][] = [
    [REPORT_FILES.metrics, toMetricsCsv(rows)],
    [REPORT_FILES.summaryJson, `${JSON.stringify(summaryJson, null, 2)}\n`],
    [REPORT_FILES.summaryMarkdown, toMarkdown(summary)],
    [REPORT_FILES.figureSpec, `${JSON.stringify(spec, null, 2)}\n`],
    [REPORT_FILES.figureSvg, svg],
    [REPORT_FILES.figurePng, svgToPng(svg)],
  ];

  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, data] of contents) {
    const filePath = path.join(outDir, name);
    await writeFileAtomic(filePath, data);
    written.push(filePath);
  }
  return written;
}
