import type { LoadOptions } from '@rrelu/data-mnist';
import type { BackendInfo, BackendName, Cell, RunResult, TrainEvent } from '@rrelu/trainer';

/** Sent once to a worker when it starts. */
export interface WorkerSetup {
  backend: BackendName;
  data: LoadOptions;
}

/** Main thread → worker. */
export type ToWorker = { type: 'run'; cell: Cell } | { type: 'stop' };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'ready'; backend: BackendInfo }
  | { type: 'event'; cellId: string; event: TrainEvent }
  | { type: 'done'; cellId: string; result: RunResult }
  | { type: 'failed'; cellId: string | null; message: string; code: string | null };
