/**
 * Results of a grid as data: epoch rows, their CSV, statistics over seeds
 * (mean, standard deviation, 95 % interval, Welch's t-test against ReLU) and
 * the Vega-Lite figures, shared by the CLI and the web app.
 */
export { toMetricsCsv } from './csv.js';
export { errorFigureSpec } from './error-figure-spec.js';
export {
  type AccuracyFigureOptions,
  type AccuracyPoint,
  accuracyFigureSpec,
  accuracyPoints,
  FIGURE_FONT,
  PANEL_TITLES,
} from './figure-spec.js';
export { type EpochRow, METRIC_COLUMNS, type MetricColumn } from './rows.js';
export { describeSample, type SampleStats } from './sample-stats.js';
export { studentTCdf, studentTQuantile, studentTTwoSidedP } from './student-t.js';
export {
  BASELINE_ACTIVATION,
  SIGNIFICANCE_LEVEL,
  type SummaryRow,
  summarize,
} from './summary.js';
export type { SummaryJson } from './summary-json.js';
export type { VegaLiteSpec } from './vega-lite-spec.js';
export { type WelchTTestResult, welchTTest } from './welch-t-test.js';
