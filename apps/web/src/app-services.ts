import { type Signal, signal } from '@preact/signals';
import { RunStore, type StoredRun } from './training/run-store.js';
import { TensorClient } from './training/tensor-client.js';
import { TrainingSession } from './training/training-session.js';
import type { BackendReport } from './workers/protocol.js';

/** A trained model loaded in the tensor worker, for the digit pad. */
export interface LoadedModel {
  id: string;
  label: string;
  batchNorm: boolean;
  seed: number;
}

/** The long-lived objects of the app, created once at start-up. */
export interface AppServices {
  urls: { wasmBase: string; dataBase: string };
  store: RunStore;
  session: TrainingSession;
  tensors: TensorClient;
  tensorBackend: Signal<BackendReport | null>;
  tensorFailure: Signal<{ message: string; url?: string } | null>;
  storedRuns: Signal<StoredRun[]>;
  models: Signal<LoadedModel[]>;
}

/**
 * Wires workers, storage and signals. `?wasmBase=` and `?dataBase=` override
 * where the wasm binaries and the MNIST files are fetched from (used by the
 * end-to-end test of a wrong path); `?wasmBuild=simd` keeps both workers on
 * the single-threaded SIMD build, the CLI's (used by the parity test).
 */
export function createServices(location: Location): AppServices {
  const params = new URLSearchParams(location.search);
  const folder = (value: string): string => {
    const url = new URL(value, document.baseURI).href;
    return url.endsWith('/') ? url : `${url}/`;
  };
  const urls = {
    wasmBase: folder(params.get('wasmBase') ?? 'wasm/'),
    dataBase: folder(params.get('dataBase') ?? 'data/mnist/'),
  };
  // Checked by the workers, which report a wrong value as a wasm failure.
  const wasmBuild = params.get('wasmBuild') ?? 'auto';
  const store = new RunStore();
  const storedRuns = signal<StoredRun[]>([]);
  const models = signal<LoadedModel[]>([]);
  const tensorBackend = signal<BackendReport | null>(null);
  const tensorFailure = signal<{ message: string; url?: string } | null>(null);
  const tensors = new TensorClient({ wasmBase: urls.wasmBase, wasmBuild });

  const refreshRuns = async (): Promise<void> => {
    storedRuns.value = await store.listRuns();
  };
  const addModel = (model: LoadedModel): void => {
    models.value = [...models.value.filter((m) => m.id !== model.id), model];
  };

  const session = new TrainingSession(
    { ...urls, wasmBuild },
    {
      onRunEnd(run, backend, split) {
        if (run.result === null) return;
        const saved: StoredRun = {
          id: run.id,
          result: run.result,
          backend,
          ...split,
          savedAt: new Date().toISOString(),
        };
        store.putRun(saved).then(refreshRuns, reportStorage);
      },
      onWeights(run, weights) {
        store.putWeights(run.id, weights).catch(reportStorage);
        const { label, batchNorm, seed } = run.config;
        tensors.loadModel(run.id, run.config, weights).then(
          () => addModel({ id: run.id, label, batchNorm, seed }),
          (error: unknown) => reportTensor(error),
        );
      },
    },
  );

  const reportTensor = (error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    const url = error instanceof Error && 'url' in error ? error.url : undefined;
    tensorFailure.value = typeof url === 'string' ? { message, url } : { message };
  };
  const reportStorage = (error: unknown): void => {
    session.failure.value = {
      stage: 'train',
      message: `could not save to IndexedDB: ${error instanceof Error ? error.message : error}`,
    };
  };

  tensors.ready.then(async (backend) => {
    tensorBackend.value = backend;
    await refreshRuns();
    for (const run of storedRuns.value) {
      const weights = await store.getWeights(run.id);
      if (weights === null) continue;
      await tensors.loadModel(run.id, run.result.config, weights);
      const { label, batchNorm, seed } = run.result.config;
      addModel({ id: run.id, label, batchNorm, seed });
    }
  }, reportTensor);

  return {
    urls,
    store,
    session,
    tensors,
    tensorBackend,
    tensorFailure,
    storedRuns,
    models,
  };
}
