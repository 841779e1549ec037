import type { BackendReport } from '../workers/protocol.js';

/** One line saying which wasm build runs, on how many threads, and why. */
export function describeBackend(backend: BackendReport): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const build = backend.file.includes('threaded')
    ? `threaded SIMD, ${plural(backend.threads, 'thread')} for ${plural(backend.logicalCores, 'logical core')}`
    : backend.simd
      ? 'SIMD, single thread'
      : 'no SIMD, single thread';
  const why = !backend.crossOriginIsolated
    ? 'not cross-origin isolated, so no threads'
    : backend.build === 'simd'
      ? 'cross-origin isolated; threads off by ?wasmBuild=simd'
      : 'cross-origin isolated';
  return `WASM ${build} (${why})`;
}

/** Why the threaded build may run one thread, shown on hover. */
const THREADS_NOTE =
  'tfjs gives XNNPACK half of navigator.hardwareConcurrency (at least 1, at most 8), ' +
  'so a 2-core machine trains on one thread even with the threaded build.';

export function BackendBadge(props: { backend: BackendReport | null; failed?: boolean }) {
  const text =
    props.backend !== null
      ? describeBackend(props.backend)
      : props.failed === true
        ? 'WASM backend failed'
        : 'starting the wasm backend…';
  return (
    <span
      class={props.failed === true ? 'badge bad' : 'badge'}
      data-testid="backend"
      data-threads={props.backend?.threads}
      title={props.backend?.file.includes('threaded') === true ? THREADS_NOTE : undefined}
    >
      {text}
    </span>
  );
}
