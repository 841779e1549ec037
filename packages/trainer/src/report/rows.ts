/**
 * One evaluation of one training run: the run is identified by its
 * activation, batch-norm setting and seed; the row holds the metrics measured
 * after `epoch` epochs of training.
 *
 * @example
 * const row: EpochRow = {
 *   activation: 'rrelu', batchNorm: false, seed: 1, epoch: 3, trainLoss: 0.12,
 *   trainAccuracy: 0.963, validationAccuracy: 0.958, testAccuracy: 0.961, seconds: 14.2,
 * };
 */
export interface EpochRow {
  /** Activation name, e.g. 'relu' or 'rrelu'; reports keep the order of first appearance. */
  activation: string;
  /** Whether the network had batch normalization after each hidden layer. */
  batchNorm: boolean;
  /** Seed of the run (weights, shuffling, random slopes). */
  seed: number;
  /** Number of epochs trained so far, 1-based. */
  epoch: number;
  /** Mean training loss over the epoch; NaN when the run diverged. */
  trainLoss: number;
  /** Training accuracy over the epoch, a fraction in [0, 1]. */
  trainAccuracy: number;
  /** Validation accuracy after the epoch, a fraction in [0, 1]. */
  validationAccuracy: number;
  /** Test accuracy after the epoch, a fraction in [0, 1]. */
  testAccuracy: number;
  /** Wall-clock seconds the epoch took. */
  seconds: number;
}

/**
 * The fields of {@link EpochRow} in the order used for CSV columns and tables.
 */
export const METRIC_COLUMNS = [
  'activation',
  'batchNorm',
  'seed',
  'epoch',
  'trainLoss',
  'trainAccuracy',
  'validationAccuracy',
  'testAccuracy',
  'seconds',
] as const satisfies readonly (keyof EpochRow)[];

/** One of the names in {@link METRIC_COLUMNS}. */
export type MetricColumn = (typeof METRIC_COLUMNS)[number];
