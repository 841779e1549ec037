import type { EpochMetrics, RunConfig, RunResult } from '@rrelu/trainer';

/** Where a run is in its life, as the page shows it. */
export type RunStatus = 'queued' | 'running' | 'done' | 'diverged' | 'cancelled' | 'failed';

/** Everything the train page shows about one run while it trains. */
export interface RunView {
  id: string;
  config: RunConfig;
  status: RunStatus;
  step: number;
  totalSteps: number;
  /** Running mean training loss of the current epoch, per reported step. */
  losses: { step: number; loss: number }[];
  epochs: EpochMetrics[];
  examplesPerSecond: number;
  /** Seconds left for this run's training steps; NaN before the first report. */
  etaSeconds: number;
  result: RunResult | null;
}

/** A queued run before its first event. */
export function queuedRun(id: string, config: RunConfig): RunView {
  return {
    id,
    config,
    status: 'queued',
    step: 0,
    totalSteps: 0,
    losses: [],
    epochs: [],
    examplesPerSecond: Number.NaN,
    etaSeconds: Number.NaN,
    result: null,
  };
}

/** Final status of a run from its result. */
export function finalStatus(result: RunResult): RunStatus {
  if (result.divergence !== null) return 'diverged';
  return result.interrupted ? 'cancelled' : 'done';
}

/**
 * Seconds left for the whole queue: the running run's own estimate plus, for
 * each queued run, its steps at the running run's speed. NaN when no speed
 * is known yet.
 */
export function queueEtaSeconds(runs: readonly RunView[]): number {
  const running = runs.find((run) => run.status === 'running');
  if (running === undefined || !Number.isFinite(running.examplesPerSecond)) return Number.NaN;
  const queuedSteps = runs
    .filter((run) => run.status === 'queued')
    .reduce(
      (sum, run) => sum + (running.totalSteps / running.config.epochs) * run.config.epochs,
      0,
    );
  const perStep = running.config.batchSize / running.examplesPerSecond;
  return (Number.isFinite(running.etaSeconds) ? running.etaSeconds : 0) + queuedSteps * perStep;
}
