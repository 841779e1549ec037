import { signal } from '@preact/signals';
import type { FetchProgress } from '@rrelu/data-mnist';
import type { GridSpec, TrainEvent } from '@rrelu/trainer';
import { CANCEL_FLAG, CONTROL_LENGTH, PAUSE_FLAG } from '../workers/control-flags.js';
import type { SplitSizes } from '../workers/dataset-subset.js';
import type {
  BackendReport,
  FailureStage,
  NamedWeights,
  TrainReply,
  TrainRequest,
} from '../workers/protocol.js';
import { finalStatus, queuedRun, type RunView } from './run-view.js';

/** Loading state of the training data. */
export type DataState =
  | { phase: 'loading'; files: Record<string, FetchProgress> }
  /** Examples in the training file (validation and training are cut from it) and the test file. */
  | { phase: 'ready'; trainFile: number; test: number }
  | { phase: 'failed' };

/** A failure shown on the page, with the URL it concerns. */
export interface Failure {
  stage: FailureStage;
  message: string;
  url?: string;
}

/** Callbacks for what outlives the session's signals. */
export interface SessionHooks {
  onRunEnd(run: RunView, backend: BackendReport | null, split: SplitSizes): void;
  onWeights(run: RunView, weights: NamedWeights[]): void;
}

/**
 * The page's side of the training worker. All state is in signals the
 * pages render. Pause and cancel go through a shared Int32 array the worker
 * polls between steps (the training loop never yields to its message
 * queue); without cross-origin isolation there is no shared memory, pause
 * is unavailable and cancel terminates the worker.
 */
export class TrainingSession {
  readonly backend = signal<BackendReport | null>(null);
  readonly data = signal<DataState>({ phase: 'loading', files: {} });
  readonly runs = signal<RunView[]>([]);
  readonly busy = signal(false);
  readonly paused = signal(false);
  readonly failure = signal<Failure | null>(null);
  readonly canPause: boolean;

  private worker: Worker;
  private readonly control: Int32Array<SharedArrayBuffer> | null;
  private split: SplitSizes | null = null;

  constructor(
    private readonly settings: { wasmBase: string; wasmBuild: string; dataBase: string },
    private readonly hooks: SessionHooks,
  ) {
    this.canPause = globalThis.crossOriginIsolated === true;
    this.control = this.canPause
      ? new Int32Array(new SharedArrayBuffer(CONTROL_LENGTH * Int32Array.BYTES_PER_ELEMENT))
      : null;
    this.worker = this.spawn();
  }

  /** Trains every cell of the grid, one after the other, on the splits `split` cuts. */
  start(grid: GridSpec, split: SplitSizes): void {
    if (this.busy.value || this.data.value.phase !== 'ready') return;
    this.busy.value = true;
    this.failure.value = null;
    this.split = split;
    this.send({ type: 'run', grid, split });
  }

  setPaused(paused: boolean): void {
    if (this.control === null || !this.busy.value) return;
    Atomics.store(this.control, PAUSE_FLAG, paused ? 1 : 0);
    Atomics.notify(this.control, PAUSE_FLAG);
    this.paused.value = paused;
  }

  cancel(): void {
    if (!this.busy.value) return;
    if (this.control !== null) {
      Atomics.store(this.control, CANCEL_FLAG, 1);
      Atomics.store(this.control, PAUSE_FLAG, 0);
      Atomics.notify(this.control, PAUSE_FLAG);
      return;
    }
    this.worker.terminate();
    this.updateRuns((run) =>
      run.status === 'running' || run.status === 'queued' ? { ...run, status: 'cancelled' } : run,
    );
    this.busy.value = false;
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('../workers/train-worker.ts', import.meta.url), {
      type: 'module',
      name: 'training',
    });
    worker.addEventListener('message', (message: MessageEvent<TrainReply>) =>
      this.receive(message.data),
    );
    worker.addEventListener('error', (event) => {
      this.failure.value = { stage: 'train', message: `training worker: ${event.message}` };
      this.busy.value = false;
    });
    this.data.value = { phase: 'loading', files: {} };
    const request: TrainRequest = {
      type: 'init',
      wasmBase: this.settings.wasmBase,
      wasmBuild: this.settings.wasmBuild,
      dataBase: this.settings.dataBase,
      control: this.control === null ? null : this.control.buffer,
    };
    worker.postMessage(request);
    return worker;
  }

  private send(request: TrainRequest): void {
    this.worker.postMessage(request);
  }

  private receive(reply: TrainReply): void {
    switch (reply.type) {
      case 'backend':
        this.backend.value = reply.backend;
        return;
      case 'data-progress': {
        const current = this.data.value;
        const files = current.phase === 'loading' ? current.files : {};
        this.data.value = {
          phase: 'loading',
          files: { ...files, [reply.progress.file]: reply.progress },
        };
        return;
      }
      case 'data-ready':
        this.data.value = { phase: 'ready', trainFile: reply.trainFile, test: reply.test };
        return;
      case 'planned':
        this.runs.value = reply.runs.map((run) => queuedRun(run.id, run.config));
        return;
      case 'event':
        this.updateRuns((run) => (run.id === reply.runId ? applyEvent(run, reply.event) : run));
        if (reply.event.type === 'end' && this.split !== null) {
          const ended = this.runs.value.find((run) => run.id === reply.runId);
          if (ended !== undefined) this.hooks.onRunEnd(ended, this.backend.value, this.split);
        }
        return;
      case 'weights': {
        const run = this.runs.value.find((candidate) => candidate.id === reply.runId);
        if (run !== undefined) this.hooks.onWeights(run, reply.weights);
        return;
      }
      case 'paused':
        this.paused.value = reply.paused;
        return;
      case 'queue-done':
        this.busy.value = false;
        this.paused.value = false;
        this.updateRuns((run) => (run.status === 'queued' ? { ...run, status: 'cancelled' } : run));
        return;
      case 'failure':
        this.failure.value = {
          stage: reply.stage,
          message: reply.message,
          ...(reply.url === undefined ? {} : { url: reply.url }),
        };
        // Without a backend the worker never fetches the data.
        if (reply.stage !== 'train') this.data.value = { phase: 'failed' };
        if (reply.stage === 'train') {
          this.busy.value = false;
          this.updateRuns((run) => (run.status === 'running' ? { ...run, status: 'failed' } : run));
        }
        return;
    }
  }

  private updateRuns(change: (run: RunView) => RunView): void {
    this.runs.value = this.runs.value.map(change);
  }
}

/** A run's view after one training event. */
function applyEvent(run: RunView, event: TrainEvent): RunView {
  switch (event.type) {
    case 'start':
      return { ...run, status: 'running', totalSteps: event.totalSteps };
    case 'step':
      return {
        ...run,
        step: event.step,
        totalSteps: event.totalSteps,
        examplesPerSecond: event.examplesPerSecond,
        etaSeconds: event.etaSeconds,
        // Appended in place: a run reports hundreds of steps an epoch.
        losses: pushed(run.losses, { step: event.step, loss: event.loss }),
      };
    case 'epoch':
      return { ...run, epochs: [...run.epochs, event.metrics] };
    case 'divergence':
      return run;
    case 'end':
      return { ...run, status: finalStatus(event.result), etaSeconds: 0, result: event.result };
  }
}

function pushed<T>(list: T[], item: T): T[] {
  list.push(item);
  return list;
}
