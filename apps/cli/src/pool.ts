import { Worker } from 'node:worker_threads';
import type { BackendInfo, Cell, RunResult, TrainEvent } from '@rrelu/trainer';
import type { FromWorker, ToWorker, WorkerData, WorkerSetup } from './messages.js';

/** What happened to one cell. */
export type CellOutcome =
  | { status: 'done'; cell: Cell; result: RunResult }
  | { status: 'failed'; cell: Cell; message: string };

/** Callbacks of {@link runCells}. */
export interface PoolHandlers {
  onReady?(worker: number, backend: BackendInfo): void;
  onCellStart?(worker: number, cell: Cell): void;
  onEvent?(worker: number, cell: Cell, event: TrainEvent): void;
  /** Called as each cell ends, in completion order, before the next starts on that worker. */
  onCellEnd?(worker: number, outcome: CellOutcome): Promise<void> | void;
}

/** A running pool; `stop()` asks every worker to end its cell after the current step. */
export interface PoolRun {
  done: Promise<CellOutcome[]>;
  stop(): void;
  /** Terminates the workers at once (a second Ctrl-C). */
  kill(): Promise<void>;
}

/**
 * Runs cells on `workers` worker threads, each with its own wasm backend and
 * its own copy of the dataset. A worker that fails to start or crashes marks
 * its cell failed; the other workers go on.
 */
export function runCells(
  cells: readonly Cell[],
  workers: number,
  setup: WorkerSetup,
  handlers: PoolHandlers = {},
): PoolRun {
  const queue = [...cells];
  const outcomes: CellOutcome[] = [];
  const threads: Worker[] = [];
  const stopFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  let stopping = false;

  const startWorker = (slot: number) =>
    new Promise<void>((resolve, reject) => {
      const workerData: WorkerData = { ...setup, stopFlag };
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData });
      threads.push(worker);
      let current: Cell | null = null;
      let settled = false;

      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        if (error === undefined) resolve();
        else reject(error);
      };
      const next = () => {
        current = stopping ? null : (queue.shift() ?? null);
        if (current === null) {
          finish();
          return;
        }
        handlers.onCellStart?.(slot, current);
        worker.postMessage({ type: 'run', cell: current } satisfies ToWorker);
      };
      const end = async (outcome: CellOutcome) => {
        current = null;
        outcomes.push(outcome);
        await handlers.onCellEnd?.(slot, outcome);
        next();
      };

      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          handlers.onReady?.(slot, message.backend);
          next();
        } else if (message.type === 'event' && current !== null) {
          handlers.onEvent?.(slot, current, message.event);
        } else if (message.type === 'done' && current !== null) {
          void end({ status: 'done', cell: current, result: message.result }).catch(finish);
        } else if (message.type === 'failed') {
          if (current === null) {
            finish(new WorkerStartError(message.message, message.code));
            return;
          }
          void end({ status: 'failed', cell: current, message: message.message }).catch(finish);
        }
      });
      worker.on('error', (error) => {
        if (current === null) {
          finish(error);
          return;
        }
        const cell = current;
        current = null;
        const outcome: CellOutcome = {
          status: 'failed',
          cell,
          message: `worker crashed: ${error.message}`,
        };
        outcomes.push(outcome);
        // The crashed thread is gone; a fresh one takes over the slot's share of the queue.
        settled = true;
        void worker.terminate();
        Promise.resolve(handlers.onCellEnd?.(slot, outcome))
          .then(() => (stopping || queue.length === 0 ? undefined : startWorker(slot)))
          .then(resolve, reject);
      });
      worker.on('exit', (code) => {
        if (!settled && current !== null) {
          outcomes.push({ status: 'failed', cell: current, message: `worker exited with ${code}` });
        }
        finish();
      });
    });

  const count = Math.max(1, Math.min(workers, cells.length));
  const done = Promise.all(Array.from({ length: count }, (_, slot) => startWorker(slot))).then(
    () => outcomes,
  );
  return {
    done,
    stop() {
      stopping = true;
      // Read by each worker after every step (and by a test pause, which wakes on it).
      Atomics.store(stopFlag, 0, 1);
      Atomics.notify(stopFlag, 0);
    },
    async kill() {
      stopping = true;
      Atomics.store(stopFlag, 0, 1);
      Atomics.notify(stopFlag, 0);
      await Promise.all(threads.map((worker) => worker.terminate()));
    },
  };
}

/** A worker could not start: its backend or its data failed to load. */
export class WorkerStartError extends Error {
  readonly code: string | null;

  constructor(message: string, code: string | null) {
    super(message);
    this.name = 'WorkerStartError';
    this.code = code;
  }
}
