/**
 * The run report: epoch rows to CSV, statistics over seeds, terminal and
 * Markdown tables, the accuracy figure (Vega-Lite → SVG → PNG) and the atomic
 * writer that puts them all in an output folder.
 */
export {
  type AccuracyFigureOptions,
  type AccuracyPoint,
  accuracyFigureSpec,
  accuracyPoints,
  BASELINE_ACTIVATION,
  describeSample,
  type EpochRow,
  errorFigureSpec,
  METRIC_COLUMNS,
  type MetricColumn,
  SIGNIFICANCE_LEVEL,
  type SampleStats,
  type SummaryJson,
  type SummaryRow,
  studentTCdf,
  studentTQuantile,
  studentTTwoSidedP,
  summarize,
  toMetricsCsv,
  type VegaLiteSpec,
  type WelchTTestResult,
  welchTTest,
} from '@rrelu/trainer';
export {
  type RenderSvgOptions,
  renderSvg,
  type SvgToPngOptions,
  svgToPng,
} from './render.js';
export { type FormatTableOptions, formatTable, toMarkdown } from './table.js';
export { removeUnfinishedWrites, writeFileAtomic, writeFileAtomicSync } from './atomic-write.js';
export { REPORT_FILES, type WriteReportOptions, writeReport } from './write.js';
