import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendReport } from './protocol.js';
import { preflightWasm, WasmLoadError } from './wasm-magic.js';

/** Longest wait for the wasm backend to start before reporting a failure. */
export const WASM_START_TIMEOUT_MS = 60_000;

/**
 * Starts tfjs's wasm backend from binaries under `wasmBase` (an absolute URL
 * ending in `/`). Picks the build tfjs will pick (threaded SIMD when the
 * context is cross-origin isolated, SIMD otherwise), checks its first bytes
 * before Emscripten sees it, and bounds the start-up time, so a wrong path
 * fails with a message naming the URL instead of hanging.
 */
export async function startWasmBackend(wasmBase: string): Promise<BackendReport> {
  setWasmPaths(wasmBase);
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const threaded = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
  const file =
    simd && threaded
      ? 'tfjs-backend-wasm-threaded-simd.wasm'
      : simd
        ? 'tfjs-backend-wasm-simd.wasm'
        : 'tfjs-backend-wasm.wasm';
  const url = `${wasmBase}${file}`;

  await preflightWasm(url);
  const started = await withTimeout(
    tf.setBackend('wasm'),
    WASM_START_TIMEOUT_MS,
    () => new WasmLoadError(url, `the backend did not start within ${WASM_START_TIMEOUT_MS} ms`),
  );
  await tf.ready();
  if (!started || tf.getBackend() !== 'wasm') {
    throw new WasmLoadError(url, `tfjs could not start the wasm backend (got ${tf.getBackend()})`);
  }
  return {
    simd,
    threads: getThreadsCount(),
    file,
    url,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
