import { type Dataset, fetchDataset, IdxError } from '@rrelu/data-mnist';
import { type GridSpec, planGrid, type TrainEvent, train } from '@rrelu/trainer';
import { withTrainSize } from './dataset-subset.js';
import { captureDisposedModels } from './model-capture.js';
import type { FailureStage, TrainReply, TrainRequest } from './protocol.js';
import { PAUSE_FLAG, CANCEL_FLAG } from './control-flags.js';
import { startWasmBackend } from './wasm-backend.js';
import { WasmLoadError } from './wasm-magic.js';

/** Gzipped names of the four MNIST files as the build publishes them. */
const GZIP_FILE_NAMES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
};

let dataset: Dataset | null = null;
let flags: Int32Array | null = null;

// Typed through the DOM lib: a worker's postMessage takes the same options object.
const post = (reply: TrainReply, transfer: Transferable[] = []): void =>
  self.postMessage(reply, { transfer });

self.addEventListener('message', (message: MessageEvent<TrainRequest>) => {
  const request = message.data;
  const work = request.type === 'init' ? init(request) : runQueue(request.grid, request.trainSize);
  work.catch((error: unknown) => fail('train', error));
});

async function init(request: Extract<TrainRequest, { type: 'init' }>): Promise<void> {
  flags = request.control === null ? null : new Int32Array(request.control);
  try {
    post({ type: 'backend', backend: await startWasmBackend(request.wasmBase) });
  } catch (error) {
    fail('wasm', error);
    return;
  }
  try {
    dataset = await fetchDataset(request.dataBase, {
      fileNames: GZIP_FILE_NAMES,
      onProgress: (progress) => post({ type: 'data-progress', progress }),
    });
  } catch (error) {
    fail('data', error);
    return;
  }
  const { train: t, validation, test } = dataset;
  post({ type: 'data-ready', train: t.count, validation: validation.count, test: test.count });
}

async function runQueue(grid: GridSpec, trainSize: number): Promise<void> {
  if (dataset === null) throw new Error('the data set is not loaded yet');
  const runs = planGrid(grid).map((cell) => ({ id: cell.id, config: cell.config }));
  post({ type: 'planned', runs });
  const subset = withTrainSize(dataset, Math.min(trainSize, dataset.train.count));
  if (flags !== null) Atomics.store(flags, CANCEL_FLAG, 0);

  for (const run of runs) {
    if (flags !== null && Atomics.load(flags, CANCEL_FLAG) === 1) break;
    const abort = new AbortController();
    const onEvent = (event: TrainEvent): void => {
      post({ type: 'event', runId: run.id, event });
      if (event.type === 'step') honourControls(abort);
    };
    await captureDisposedModels(
      () => train(run.config, subset, { onEvent, signal: abort.signal, reportEvery: 1 }),
      (weights) => {
        const buffers = weights.map((w) => w.values.buffer);
        post({ type: 'weights', runId: run.id, weights }, buffers);
      },
    );
  }
  post({ type: 'queue-done' });
}

/**
 * Called from the synchronous training loop between steps: blocks while the
 * page holds the pause flag, aborts when it sets the cancel flag. Without
 * shared memory the page cancels by terminating the worker instead.
 */
function honourControls(abort: AbortController): void {
  if (flags === null) return;
  if (Atomics.load(flags, PAUSE_FLAG) === 1) {
    post({ type: 'paused', paused: true });
    while (Atomics.load(flags, PAUSE_FLAG) === 1) Atomics.wait(flags, PAUSE_FLAG, 1, 1000);
    post({ type: 'paused', paused: false });
  }
  if (Atomics.load(flags, CANCEL_FLAG) === 1) abort.abort();
}

function fail(stage: FailureStage, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const url =
    error instanceof WasmLoadError
      ? error.url
      : error instanceof IdxError
        ? error.source
        : undefined;
  post({ type: 'failure', stage, message, ...(url === undefined ? {} : { url }) });
}
