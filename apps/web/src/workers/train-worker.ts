import { type Dataset, fetchDataset, IdxError } from '@rrelu/data-mnist';
import { type GridSpec, planGrid, type TrainEvent, type TrainedState, train } from '@rrelu/trainer';
import { CANCEL_FLAG, PAUSE_FLAG } from './control-flags.js';
import { cutSplits, type SplitSizes } from './dataset-subset.js';
import { readWeights } from './model-weights.js';
import type { FailureStage, TrainReply, TrainRequest } from './protocol.js';
import { startWasmBackend } from './wasm-backend.js';
import { WasmLoadError } from './wasm-magic.js';

/** Gzipped names of the four MNIST files as the build publishes them. */
const GZIP_FILE_NAMES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
};

/** The MNIST files, the training file whole (validation is cut per run). */
let files: Dataset | null = null;
let flags: Int32Array | null = null;

// Typed through the DOM lib: a worker's postMessage takes the same options object.
const post = (reply: TrainReply, transfer: Transferable[] = []): void =>
  self.postMessage(reply, { transfer });

self.addEventListener('message', (message: MessageEvent<TrainRequest>) => {
  const request = message.data;
  const work = request.type === 'init' ? init(request) : runQueue(request.grid, request.split);
  work.catch((error: unknown) => fail('train', error));
});

async function init(request: Extract<TrainRequest, { type: 'init' }>): Promise<void> {
  flags = request.control === null ? null : new Int32Array(request.control);
  try {
    const { wasmBase, wasmBuild } = request;
    post({ type: 'backend', backend: await startWasmBackend({ wasmBase, wasmBuild }) });
  } catch (error) {
    fail('wasm', error);
    return;
  }
  try {
    files = await fetchDataset(request.dataBase, {
      fileNames: GZIP_FILE_NAMES,
      validationSize: 0,
      onProgress: (progress) => post({ type: 'data-progress', progress }),
    });
  } catch (error) {
    fail('data', error);
    return;
  }
  post({ type: 'data-ready', trainFile: files.train.count, test: files.test.count });
}

async function runQueue(grid: GridSpec, split: SplitSizes): Promise<void> {
  if (files === null) throw new Error('the data set is not loaded yet');
  const dataset = cutSplits(files, split);
  const runs = planGrid(grid).map((cell) => ({ id: cell.id, config: cell.config }));
  post({ type: 'planned', runs });
  if (flags !== null) Atomics.store(flags, CANCEL_FLAG, 0);

  for (const run of runs) {
    if (flags !== null && Atomics.load(flags, CANCEL_FLAG) === 1) break;
    const abort = new AbortController();
    const onEvent = (event: TrainEvent): void => {
      post({ type: 'event', runId: run.id, event });
      if (event.type === 'step') honourControls(abort);
    };
    // The digit pad gets the weights of every run that finished an epoch.
    const onTrained = ({ model, epoch }: TrainedState): void => {
      if (epoch === 0) return;
      const weights = readWeights(model);
      const buffers = weights.map((w) => w.values.buffer);
      post({ type: 'weights', runId: run.id, weights }, buffers);
    };
    await train(run.config, dataset, { onEvent, onTrained, signal: abort.signal, reportEvery: 1 });
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
