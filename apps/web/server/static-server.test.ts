import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from './static-server.js';

describe('startStaticServer', () => {
  let dir = '';
  let server: StaticServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'web-static-'));
    await writeFile(path.join(dir, 'index.html'), '<!DOCTYPE html><p>app</p>');
    await writeFile(path.join(dir, 'a.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d]));
    server = await startStaticServer({ root: dir });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on loopback and sends isolation headers and the CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(server.url);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it('serves wasm with its content type', async () => {
    const response = await fetch(`${server.url}a.wasm`);
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 0x61, 0x73, 0x6d]);
  });

  it('answers unknown paths with index.html, and never leaves the root', async () => {
    const missing = await fetch(`${server.url}missing/x.wasm`);
    expect(await missing.text()).toContain('<!DOCTYPE html>');
    const outside = await fetch(`${server.url}..%2f..%2fetc%2fpasswd`);
    expect(await outside.text()).toContain('<!DOCTYPE html>');
  });
});
