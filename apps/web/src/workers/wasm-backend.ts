import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendReport } from './protocol.js';
import { preflightWasm, WasmLoadError } from './wasm-magic.js';

/** Longest wait for the wasm backend to start before reporting a failure. */
export const WASM_START_TIMEOUT_MS = 60_000;

/**
 * Which wasm build to run: `auto` is tfjs's own choice (threaded SIMD when
 * the context is cross-origin isolated, SIMD otherwise); `simd` forces the
 * single-threaded SIMD build, the one the CLI runs in Node.
 */
export type WasmBuild = 'auto' | 'simd';
export const WASM_BUILDS: readonly WasmBuild[] = ['auto', 'simd'];

/** Options of {@link startWasmBackend}. */
export interface WasmBackendOptions {
  /** Folder of the wasm binaries: an absolute URL ending in `/`. */
  wasmBase: string;
  /** One of {@link WASM_BUILDS}; checked here, as it arrives from the page's URL. */
  wasmBuild: string;
}

/**
 * Starts tfjs's wasm backend from binaries under `wasmBase`. Picks the build
 * tfjs will pick (or the one `wasmBuild` forces), checks its first bytes
 * before Emscripten sees it, and bounds the start-up time, so a wrong path
 * fails with a message naming the URL instead of hanging.
 *
 * XNNPACK's thread count is tfjs's: half of `navigator.hardwareConcurrency`,
 * at least 1 and at most 8 (`init_with_threads_count` in tfjs-backend-wasm's
 * backend.cc); `setThreadsCount` can lower it, never raise it past that half.
 */
export async function startWasmBackend(options: WasmBackendOptions): Promise<BackendReport> {
  const build = WASM_BUILDS.find((name) => name === options.wasmBuild);
  if (build === undefined) {
    throw new RangeError(
      `wasmBuild must be one of ${WASM_BUILDS.join(', ')}, got "${options.wasmBuild}"`,
    );
  }

  setWasmPaths(options.wasmBase);
  // tfjs picks the binary from these two flags; clearing the second keeps it off the threaded one.
  if (build === 'simd') tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const threaded = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true;
  const file =
    simd && threaded
      ? 'tfjs-backend-wasm-threaded-simd.wasm'
      : simd
        ? 'tfjs-backend-wasm-simd.wasm'
        : 'tfjs-backend-wasm.wasm';
  const url = `${options.wasmBase}${file}`;

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
    logicalCores: navigator.hardwareConcurrency,
    build,
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
