/**
 * The run report: epoch rows to CSV, statistics over seeds, terminal and
 * Markdown tables, the accuracy figure (Vega-Lite → SVG → PNG) and the atomic
 * writer that puts them all in an output folder.
 */
export { toMetricsCsv } from './csv.js';
export {
  type AccuracyFigureOptions,
  type AccuracyPoint,
  accuracyFigureSpec,
  accuracyPoints,
} from './figure-spec.js';
export {
  type RenderSvgOptions,
  renderSvg,
  type SvgToPngOptions,
  svgToPng,
} from './render.js';
export { type EpochRow, METRIC_COLUMNS, type MetricColumn } from './rows.js';
export { describeSample, type SampleStats } from './sample-stats.js';
export { studentTCdf, studentTQuantile, studentTTwoSidedP } from './student-t.js';
export {
  BASELINE_ACTIVATION,
  SIGNIFICANCE_LEVEL,
  type SummaryRow,
  summarize,
} from './summary.js';
export { type FormatTableOptions, formatTable, toMarkdown } from './table.js';
export { type WelchTTestResult, welchTTest } from './welch-t-test.js';
export {
  REPORT_FILES,
  type SummaryJson,
  type WriteReportOptions,
  writeFileAtomic,
  writeReport,
} from './write.js';
