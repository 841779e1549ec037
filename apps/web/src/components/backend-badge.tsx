import type { BackendReport } from '../workers/protocol.js';

/** One line saying which wasm build runs and why. */
export function describeBackend(backend: BackendReport): string {
  const build =
    backend.threads > 1 || backend.file.includes('threaded')
      ? `threaded SIMD, ${backend.threads} thread${backend.threads === 1 ? '' : 's'}`
      : backend.simd
        ? 'SIMD, single thread'
        : 'no SIMD, single thread';
  const isolation = backend.crossOriginIsolated
    ? 'cross-origin isolated'
    : 'not cross-origin isolated, so no threads';
  return `WASM ${build} (${isolation})`;
}

export function BackendBadge(props: { backend: BackendReport | null; failed?: boolean }) {
  const text =
    props.backend !== null
      ? describeBackend(props.backend)
      : props.failed === true
        ? 'WASM backend failed'
        : 'starting the wasm backend…';
  return (
    <span class={props.failed === true ? 'badge bad' : 'badge'} data-testid="backend">
      {text}
    </span>
  );
}
