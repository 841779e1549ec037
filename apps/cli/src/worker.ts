import { parentPort, workerData } from 'node:worker_threads';
import { type Dataset, loadMnist } from '@rrelu/data-mnist';
import { initBackend, train } from '@rrelu/trainer';
import type { FromWorker, ToWorker, WorkerSetup } from './messages.js';

// One wasm backend per worker thread: runs the cells the pool sends, one at a
// time, and reports their events. Aborting (a 'stop' message) ends the running
// cell after its current step; its finished epochs are still reported.

if (parentPort === null) throw new Error('worker.js must run as a worker thread');
const port = parentPort;

/** Hidden test hook: a cell whose label equals this variable's value crashes its worker. */
const CRASH_VARIABLE = 'RRELU_TEST_CRASH_LABEL';

const setup = workerData as WorkerSetup;
const abort = new AbortController();
const post = (message: FromWorker) => port.postMessage(message);

async function start(): Promise<void> {
  const backend = await initBackend(setup.backend);
  const dataset: Dataset = await loadMnist(setup.data);
  post({ type: 'ready', backend });

  port.on('message', async (message: ToWorker) => {
    if (message.type === 'stop') {
      abort.abort();
      return;
    }
    const { cell } = message;
    if (
      process.env[CRASH_VARIABLE] !== undefined &&
      process.env[CRASH_VARIABLE] === cell.config.label
    ) {
      // Test hook: an uncaught exception kills this thread as a real crash would.
      setTimeout(() => {
        throw new Error(`crash requested by ${CRASH_VARIABLE} for ${cell.id}`);
      });
      return;
    }
    try {
      const result = await train(cell.config, dataset, {
        signal: abort.signal,
        reportEvery: 1,
        onEvent: (event) => {
          if (event.type !== 'end') post({ type: 'event', cellId: cell.id, event });
        },
      });
      post({ type: 'done', cellId: cell.id, result });
    } catch (error) {
      post({ type: 'failed', cellId: cell.id, ...describeError(error) });
    }
  });
}

function describeError(error: unknown): { message: string; code: string | null } {
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
    return { message: error.message, code };
  }
  return { message: String(error), code: null };
}

start().catch((error: unknown) => post({ type: 'failed', cellId: null, ...describeError(error) }));
