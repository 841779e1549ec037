import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';

/** Numeric backends the trainer can run on; wasm (SIMD) is the default. */
export type BackendName = 'wasm' | 'cpu';
export const BACKEND_NAMES: readonly BackendName[] = ['wasm', 'cpu'];

/** What actually ran, for manifests. */
export interface BackendInfo {
  backend: BackendName;
  simd: boolean;
  /** Threads the wasm backend uses (1 in Node: its threaded build needs a browser). */
  threads: number;
  tfjsVersion: string;
}

/**
 * Selects and initialises a backend, then reports what it runs with. The
 * cpu backend is loaded on demand from `@tensorflow/tfjs-backend-cpu`.
 */
export async function initBackend(name: BackendName = 'wasm'): Promise<BackendInfo> {
  if (!BACKEND_NAMES.includes(name)) {
    throw new RangeError(`backend must be one of ${BACKEND_NAMES.join(', ')}, got ${String(name)}`);
  }
  if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');

  const ok = await tf.setBackend(name);
  await tf.ready();
  if (!ok || tf.getBackend() !== name) {
    throw new Error(`the ${name} backend could not be initialised (tfjs chose ${tf.getBackend()})`);
  }
  const wasm = name === 'wasm';
  return {
    backend: name,
    simd: wasm && tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
    threads: wasm ? getThreadsCount() : 1,
    tfjsVersion: tf.version_core,
  };
}
