import { parentPort, workerData } from 'node:worker_threads';
import { type Dataset, loadMnist } from '@rrelu/data-mnist';
import { type Cell, initBackend, train } from '@rrelu/trainer';
import type { FromWorker, ToWorker, WorkerData } from './messages.js';

// One wasm backend per worker thread: runs the cells the pool sends, one at a
// time, and reports their events. Training is synchronous, so a stop request
// arrives through shared memory (the pool's stop flag), which is read after
// every step: the running cell then ends after its current step and its
// finished epochs are still reported.

if (parentPort === null) throw new Error('worker.js must run as a worker thread');
const port = parentPort;

/** Hidden test hook: a cell whose label equals this variable's value crashes its worker. */
const CRASH_VARIABLE = 'RRELU_TEST_CRASH_LABEL';
/**
 * Hidden test hook: a cell with this label waits after reporting its first
 * epoch until a stop is asked for, so a signal always finds it running.
 */
const PAUSE_VARIABLE = 'RRELU_TEST_PAUSE_LABEL';
/**
 * Hidden test hook: a cell with this label blocks after reporting its first
 * epoch and ignores stop requests, like a step that never ends.
 */
const STALL_VARIABLE = 'RRELU_TEST_STALL_LABEL';
/** Upper bound of a test hook's wait, so a failed test cannot leave a thread behind for good. */
const TEST_HOLD_LIMIT_MS = 120_000;

const { stopFlag, ...setup } = workerData as WorkerData;
const abort = new AbortController();
const post = (message: FromWorker) => port.postMessage(message);
const stopRequested = () => Atomics.load(stopFlag, 0) !== 0;

async function start(): Promise<void> {
  const backend = await initBackend(setup.backend);
  const dataset: Dataset = await loadMnist(setup.data);
  post({ type: 'ready', backend });

  port.on('message', async (message: ToWorker) => {
    const { cell } = message;
    if (hookMatches(CRASH_VARIABLE, cell)) {
      // Test hook: an uncaught exception kills this thread as a real crash would.
      setTimeout(() => {
        throw new Error(`crash requested by ${CRASH_VARIABLE} for ${cell.id}`);
      });
      return;
    }
    if (stopRequested()) abort.abort();
    let held = false;
    try {
      const result = await train(cell.config, dataset, {
        signal: abort.signal,
        reportEvery: 1,
        onEvent: (event) => {
          if (event.type !== 'end') post({ type: 'event', cellId: cell.id, event });
          if (!held && event.type === 'epoch') {
            held = true;
            holdForTest(cell);
          }
          if (stopRequested()) abort.abort();
        },
      });
      post({ type: 'done', cellId: cell.id, result });
    } catch (error) {
      post({ type: 'failed', cellId: cell.id, ...describeError(error) });
    }
  });
}

/** The pause and stall test hooks; called once a cell has reported its first epoch. */
function holdForTest(cell: Cell): void {
  if (hookMatches(PAUSE_VARIABLE, cell)) {
    Atomics.wait(stopFlag, 0, 0, TEST_HOLD_LIMIT_MS);
  } else if (hookMatches(STALL_VARIABLE, cell)) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, TEST_HOLD_LIMIT_MS);
  }
}

function hookMatches(variable: string, cell: Cell): boolean {
  const label = process.env[variable];
  return label !== undefined && label === cell.config.label;
}

function describeError(error: unknown): { message: string; code: string | null } {
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
    return { message: error.message, code };
  }
  return { message: String(error), code: null };
}

start().catch((error: unknown) => post({ type: 'failed', cellId: null, ...describeError(error) }));
