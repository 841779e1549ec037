import type { EpochRow } from './rows.js';
import { describeSample, mean, type SampleStats } from './sample-stats.js';
import { type WelchTTestResult, welchTTest } from './welch-t-test.js';

export type { SampleStats } from './sample-stats.js';
export { type WelchTTestResult, welchTTest } from './welch-t-test.js';

/** Activation every other activation is compared with. */
export const BASELINE_ACTIVATION = 'relu';
/** Two-sided p-value below which a difference from the baseline counts as significant. */
export const SIGNIFICANCE_LEVEL = 0.05;

/** Summary of all seeds of one (activation, batch-norm) setting. */
export interface SummaryRow {
  /** Activation name as it appears in the rows. */
  activation: string;
  /** Whether batch normalization was on. */
  batchNorm: boolean;
  /** Number of distinct seeds. */
  seeds: number;
  /** Largest final epoch among the seeds (normally every seed ends there). */
  finalEpoch: number;
  /** Test accuracy (fraction) over seeds, each seed taken at its own final epoch. */
  finalTestAccuracy: SampleStats;
  /**
   * Epoch whose validation accuracy, averaged over seeds, is highest (earliest
   * on ties). Chosen on validation, not test, data so that
   * {@link SummaryRow.bestEpochTestAccuracy} is not optimistically biased.
   */
  bestEpoch: number;
  /** Mean validation accuracy over seeds at {@link SummaryRow.bestEpoch}. */
  bestEpochValidationAccuracy: number;
  /** Mean test accuracy over seeds at {@link SummaryRow.bestEpoch}. */
  bestEpochTestAccuracy: number;
  /** Mean wall-clock seconds per epoch over all epochs and seeds. */
  meanEpochSeconds: number;
  /** Seeds whose final training loss is not finite (the run diverged). */
  divergedSeeds: number;
  /**
   * Welch's t-test of final test accuracy against {@link BASELINE_ACTIVATION}
   * with the same batch-norm setting (this minus baseline); null for the
   * baseline itself, when it is absent, when either side has fewer than 2
   * seeds, or when an accuracy is not finite.
   */
  versusRelu: WelchTTestResult | null;
  /** Whether `versusRelu.p` < {@link SIGNIFICANCE_LEVEL}; null when there is no test. */
  differsFromRelu: boolean | null;
}

/**
 * Summarizes epoch rows per (activation, batch-norm) setting: final test
 * accuracy over seeds (mean, sample std, Student-t 95 % interval), the best
 * epoch by mean validation accuracy, timing, divergences, and Welch's t-test
 * against ReLU with the same batch-norm setting.
 *
 * Activations keep the order of their first appearance in `rows`; within an
 * activation, batch norm off comes before on. When a (setting, seed, epoch)
 * appears more than once, the last row wins.
 *
 * @param rows Epoch rows of any number of runs, in any order.
 * @returns One row per setting present; empty for no rows.
 * @example
 * summarize(rows).map((s) => [s.activation, s.batchNorm, s.finalTestAccuracy.mean]);
 */
export function summarize(rows: readonly EpochRow[]): SummaryRow[] {
  const groups = groupRuns(rows);

  const finalAccuracies = new Map<string, number[]>();
  for (const group of groups) {
    const finals = [...group.runs.values()].map((run) => lastEpoch(run).testAccuracy);
    finalAccuracies.set(groupKey(group.activation, group.batchNorm), finals);
  }

  return groups.map((group) => {
    const runs = [...group.runs.values()];
    const finals = runs.map(lastEpoch);
    const best = bestEpoch(runs);
    const baseline = finalAccuracies.get(groupKey(BASELINE_ACTIVATION, group.batchNorm));
    const versusRelu =
      group.activation === BASELINE_ACTIVATION || baseline === undefined
        ? null
        : compareFinals(
            finals.map((row) => row.testAccuracy),
            baseline,
          );

    return {
      activation: group.activation,
      batchNorm: group.batchNorm,
      seeds: runs.length,
      finalEpoch: Math.max(...finals.map((row) => row.epoch)),
      finalTestAccuracy: describeSample(finals.map((row) => row.testAccuracy)),
      bestEpoch: best.epoch,
      bestEpochValidationAccuracy: best.validationAccuracy,
      bestEpochTestAccuracy: best.testAccuracy,
      meanEpochSeconds: mean(runs.flatMap((run) => [...run.values()].map((row) => row.seconds))),
      divergedSeeds: finals.filter((row) => !Number.isFinite(row.trainLoss)).length,
      versusRelu,
      differsFromRelu: versusRelu === null ? null : versusRelu.p < SIGNIFICANCE_LEVEL,
    };
  });
}

/** Rows of one setting: seed → epoch → row. */
interface RunGroup {
  activation: string;
  batchNorm: boolean;
  runs: Map<number, Map<number, EpochRow>>;
}

function groupKey(activation: string, batchNorm: boolean): string {
  return JSON.stringify([activation, batchNorm]);
}

/** Groups rows by setting, ordered by activation appearance, then batch norm off, on. */
function groupRuns(rows: readonly EpochRow[]): RunGroup[] {
  const activationOrder = new Map<string, number>();
  const groups = new Map<string, RunGroup>();

  for (const row of rows) {
    if (!activationOrder.has(row.activation)) {
      activationOrder.set(row.activation, activationOrder.size);
    }
    const key = groupKey(row.activation, row.batchNorm);
    let group = groups.get(key);
    if (group === undefined) {
      group = { activation: row.activation, batchNorm: row.batchNorm, runs: new Map() };
      groups.set(key, group);
    }
    let run = group.runs.get(row.seed);
    if (run === undefined) {
      run = new Map();
      group.runs.set(row.seed, run);
    }
    run.set(row.epoch, row);
  }

  const rank = (group: RunGroup) =>
    2 * (activationOrder.get(group.activation) ?? 0) + (group.batchNorm ? 1 : 0);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

/** The row with the largest epoch of one run (a run has at least one row). */
function lastEpoch(run: Map<number, EpochRow>): EpochRow {
  let last: EpochRow | undefined;
  for (const row of run.values()) {
    if (last === undefined || row.epoch > last.epoch) last = row;
  }
  if (last === undefined) throw new Error('internal: a run without epochs');
  return last;
}

/** Epoch with the highest mean validation accuracy over the seeds that reached it. */
function bestEpoch(runs: readonly Map<number, EpochRow>[]): {
  epoch: number;
  validationAccuracy: number;
  testAccuracy: number;
} {
  const epochs = [...new Set(runs.flatMap((run) => [...run.keys()]))].sort((a, b) => a - b);
  let best = { epoch: Number.NaN, validationAccuracy: Number.NaN, testAccuracy: Number.NaN };

  for (const epoch of epochs) {
    const rows = runs.flatMap((run) => run.get(epoch) ?? []);
    const validationAccuracy = mean(rows.map((row) => row.validationAccuracy));
    const improves = Number.isNaN(best.epoch) || validationAccuracy > best.validationAccuracy;
    if (improves && !Number.isNaN(validationAccuracy)) {
      best = { epoch, validationAccuracy, testAccuracy: mean(rows.map((r) => r.testAccuracy)) };
    }
  }
  return best;
}

/** Welch's test of final accuracies against the baseline's, when it is defined. */
function compareFinals(
  finals: readonly number[],
  baseline: readonly number[],
): WelchTTestResult | null {
  if (finals.length < 2 || baseline.length < 2) return null;
  if (![...finals, ...baseline].every(Number.isFinite)) return null;

  return welchTTest(finals, baseline);
}
