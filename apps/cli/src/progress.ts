import type { Cell, TrainEvent } from '@rrelu/trainer';
import cliProgress from 'cli-progress';
import type { CellOutcome } from './pool.js';

/** Renders training progress on stderr. */
export interface ProgressView {
  cellStart(worker: number, cell: Cell): void;
  event(worker: number, cell: Cell, event: TrainEvent): void;
  cellEnd(worker: number, outcome: CellOutcome): void;
  /** A line of text that must not be torn by the bars. */
  log(line: string): void;
  stop(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  stream: NodeJS.WriteStream;
  /** Bars on a terminal; one line per epoch otherwise. */
  interactive: boolean;
  totalSteps: number;
  workers: number;
}

/**
 * On a terminal: one bar per worker (its cell, epoch, running loss, speed and
 * ETA) and an overall bar. Elsewhere (CI, a pipe, a log file): one line per
 * finished epoch and per finished cell.
 */
export function createProgress(options: ProgressOptions): ProgressView {
  return options.interactive ? barView(options) : lineView(options.stream);
}

function lineView(stream: NodeJS.WriteStream): ProgressView {
  const write = (line: string) => stream.write(`${line}\n`);
  return {
    cellStart: (_, cell) => write(`[${cell.id}] started`),
    event: (_, cell, event) => {
      if (event.type === 'epoch') {
        write(`[${cell.id}] ${describeEpoch(event.metrics, cell.config.epochs)}`);
      } else if (event.type === 'divergence') {
        write(
          `[${cell.id}] diverged at step ${event.divergence.step} (loss ${event.divergence.loss})`,
        );
      }
    },
    cellEnd: (_, outcome) => write(describeOutcome(outcome)),
    log: write,
    stop: () => {},
  };
}

function barView(options: ProgressOptions): ProgressView {
  const multi = new cliProgress.MultiBar(
    {
      stream: options.stream,
      format: '{label} |{bar}| {percentage}% | {detail}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const overall = multi.create(options.totalSteps, 0, { label: pad('all cells'), detail: '' });
  const bars = Array.from({ length: options.workers }, () =>
    multi.create(1, 0, { label: pad('(waiting)'), detail: '' }),
  );
  const doneSteps = new Map<string, number>();
  const started = Date.now();
  let finished = 0;
  const updateOverall = () => {
    const steps = [...doneSteps.values()].reduce((a, b) => a + b, 0);
    // Remaining time at the grid's average speed so far (all workers together).
    const fraction = steps / Math.max(options.totalSteps, 1);
    const elapsed = (Date.now() - started) / 1000;
    const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : Number.NaN;
    overall.update(steps, { detail: `${finished} cells done | ETA ${formatSeconds(eta)}` });
  };

  return {
    cellStart: (worker, cell) => bars[worker]?.start(1, 0, { label: pad(cell.id), detail: '' }),
    event: (worker, cell, event) => {
      const bar = bars[worker];
      if (bar === undefined) return;
      if (event.type === 'start') bar.setTotal(event.totalSteps);
      if (event.type === 'step') {
        doneSteps.set(cell.id, event.step);
        const detail =
          `epoch ${event.epoch}/${cell.config.epochs} | loss ${event.loss.toFixed(4)} | ` +
          `${Math.round(event.examplesPerSecond)} ex/s | ETA ${formatSeconds(event.etaSeconds)}`;
        bar.update(event.step, { detail });
        updateOverall();
      }
      if (event.type === 'epoch')
        multi.log(clearedLine(`${cell.id}: ${describeEpoch(event.metrics, cell.config.epochs)}`));
    },
    cellEnd: (_, outcome) => {
      finished += 1;
      multi.log(clearedLine(describeOutcome(outcome)));
      updateOverall();
    },
    log: (line) => multi.log(clearedLine(line)),
    stop: () => multi.stop(),
  };
}

function describeEpoch(
  m: {
    epoch: number;
    trainLoss: number;
    trainAccuracy: number;
    validationAccuracy: number;
    testAccuracy: number;
    seconds: number;
  },
  epochs: number,
): string {
  const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(2)}%` : 'n/a');
  return (
    `epoch ${m.epoch}/${epochs} loss ${m.trainLoss.toFixed(4)} train ${pct(m.trainAccuracy)} ` +
    `val ${pct(m.validationAccuracy)} test ${pct(m.testAccuracy)} (${m.seconds.toFixed(1)} s)`
  );
}

function describeOutcome(outcome: CellOutcome): string {
  if (outcome.status === 'failed') return `[${outcome.cell.id}] FAILED: ${outcome.message}`;
  const { result } = outcome;
  const last = result.epochs.at(-1);
  const state = result.divergence
    ? `diverged at epoch ${result.divergence.epoch}`
    : result.interrupted
      ? 'interrupted'
      : 'done';
  const accuracy = last ? ` test ${(100 * last.testAccuracy).toFixed(2)}%` : '';
  return `[${outcome.cell.id}] ${state}${accuracy} in ${formatSeconds(result.seconds)}`;
}

/** A log line that also erases what a bar left to its right ("erase to end of line"). */
function clearedLine(text: string): string {
  return `${text}\u001b[K\n`;
}

function pad(text: string): string {
  return text.length > 28 ? `${text.slice(0, 27)}…` : text.padEnd(28);
}

/** Seconds as `1h02m`, `3m05s` or `42s`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--';
  const s = Math.round(seconds);
  if (s >= 3600)
    return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}
