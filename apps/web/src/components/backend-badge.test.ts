import { describe, expect, it } from 'vitest';
import type { BackendReport } from '../workers/protocol.js';
import { describeBackend } from './backend-badge.js';

const threaded: BackendReport = {
  simd: true,
  threads: 1,
  logicalCores: 2,
  build: 'auto',
  file: 'tfjs-backend-wasm-threaded-simd.wasm',
  url: 'http://127.0.0.1/wasm/tfjs-backend-wasm-threaded-simd.wasm',
  crossOriginIsolated: true,
};

describe('describeBackend', () => {
  it('names the threaded build with its threads and the cores they come from', () => {
    expect(describeBackend(threaded)).toBe(
      'WASM threaded SIMD, 1 thread for 2 logical cores (cross-origin isolated)',
    );
    expect(describeBackend({ ...threaded, threads: 4, logicalCores: 8 })).toBe(
      'WASM threaded SIMD, 4 threads for 8 logical cores (cross-origin isolated)',
    );
  });

  it('says why a single-threaded build runs', () => {
    const simd = { ...threaded, file: 'tfjs-backend-wasm-simd.wasm' };
    expect(describeBackend({ ...simd, build: 'simd' })).toBe(
      'WASM SIMD, single thread (cross-origin isolated; threads off by ?wasmBuild=simd)',
    );
    expect(describeBackend({ ...simd, crossOriginIsolated: false })).toBe(
      'WASM SIMD, single thread (not cross-origin isolated, so no threads)',
    );
  });
});
