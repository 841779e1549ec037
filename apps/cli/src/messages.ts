import type { LoadOptions } from '@rrelu/data-mnist';
import type { BackendInfo, BackendName, Cell, RunResult, TrainEvent } from '@rrelu/trainer';

/** Sent once to a worker when it starts. */
export interface WorkerSetup {
  backend: BackendName;
  data: LoadOptions;
}

/**
 * The worker's `workerData`: its setup and the pool's stop flag, an Int32Array
 * over shared memory. Training runs synchronously inside the worker, so a
 * message cannot reach it mid-cell; the flag is read after every step instead.
 * Element 0 is 0 while running and 1 once a stop is asked for.
 */
export interface WorkerData extends WorkerSetup {
  stopFlag: Int32Array;
}

/** Main thread → worker. */
export type ToWorker = { type: 'run'; cell: Cell };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'ready'; backend: BackendInfo }
  | { type: 'event'; cellId: string; event: TrainEvent }
  | { type: 'done'; cellId: string; result: RunResult }
  | { type: 'failed'; cellId: string | null; message: string; code: string | null };
