import type { RunResult } from '@rrelu/trainer';
import type { BackendReport, NamedWeights } from '../workers/protocol.js';

/** A finished (or stopped) run as kept across reloads. */
export interface StoredRun {
  id: string;
  result: RunResult;
  backend: BackendReport | null;
  trainSize: number;
  /** Absent in runs saved before the split became a choice (they used 5000). */
  validationSize?: number;
  /** Absent in runs saved before the split became a choice (they used all 10,000). */
  testSize?: number;
  /** ISO time the run ended. */
  savedAt: string;
}

const DB_NAME = 'rrelu-web';
const DB_VERSION = 1;
const RUNS = 'runs';
const WEIGHTS = 'weights';

/**
 * Runs and their trained weights in IndexedDB, so results and the digit
 * pad's models survive a reload. Weights (≈ 3.7 MB a run) live in their own
 * store and are read only when a model is needed.
 */
export class RunStore {
  private db: Promise<IDBDatabase> | null = null;

  async putRun(run: StoredRun): Promise<void> {
    await this.request(RUNS, 'readwrite', (store) => store.put(run));
  }

  async putWeights(id: string, weights: NamedWeights[]): Promise<void> {
    await this.request(WEIGHTS, 'readwrite', (store) => store.put({ id, weights }));
  }

  async listRuns(): Promise<StoredRun[]> {
    const runs = await this.request<StoredRun[]>(RUNS, 'readonly', (store) => store.getAll());
    return runs.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  }

  async getWeights(id: string): Promise<NamedWeights[] | null> {
    const entry = await this.request<{ id: string; weights: NamedWeights[] } | undefined>(
      WEIGHTS,
      'readonly',
      (store) => store.get(id),
    );
    return entry?.weights ?? null;
  }

  async clear(): Promise<void> {
    await this.request(RUNS, 'readwrite', (store) => store.clear());
    await this.request(WEIGHTS, 'readwrite', (store) => store.clear());
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const opening = indexedDB.open(DB_NAME, DB_VERSION);
      opening.onupgradeneeded = () => {
        opening.result.createObjectStore(RUNS, { keyPath: 'id' });
        opening.result.createObjectStore(WEIGHTS, { keyPath: 'id' });
      };
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error ?? new Error('IndexedDB could not be opened'));
    });
    return this.db;
  }

  private async request<T>(
    storeName: string,
    mode: IDBTransactionMode,
    make: (store: IDBObjectStore) => IDBRequest,
  ): Promise<T> {
    const db = await this.open();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const request = make(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB failed'));
    });
  }
}
