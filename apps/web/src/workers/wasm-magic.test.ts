import { describe, expect, it } from 'vitest';
import { checkWasmMagic, hexPrefix, preflightWasm, WasmLoadError } from './wasm-magic.js';

const url = 'http://127.0.0.1/wasm/tfjs-backend-wasm-simd.wasm';

describe('checkWasmMagic', () => {
  it('accepts the wasm magic 00 61 73 6d', () => {
    expect(() => checkWasmMagic(url, new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0]))).not.toThrow();
  });

  it('names the URL and the HTML bytes 3c 21 44 4f', () => {
    const html = new TextEncoder().encode('<!DOCTYPE html><html></html>');
    expect(hexPrefix(html)).toBe('3c 21 44 4f');
    expect(() => checkWasmMagic(url, html)).toThrow(WasmLoadError);
    expect(() => checkWasmMagic(url, html)).toThrow(
      `wasm file ${url}: starts with bytes 3c 21 44 4f instead of 00 61 73 6d: an HTML page`,
    );
  });

  it('reports a file too short to be wasm', () => {
    expect(() => checkWasmMagic(url, new Uint8Array([0]))).toThrow('only 1 bytes');
  });
});

describe('preflightWasm', () => {
  it('reports an HTTP error status with the URL', async () => {
    const notFound = async () => new Response('nope', { status: 404 });
    await expect(preflightWasm(url, notFound)).rejects.toThrow(`${url}: server answered HTTP 404`);
  });

  it('reports a failed request with the URL', async () => {
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(preflightWasm(url, offline)).rejects.toThrow('request failed (Failed to fetch)');
  });
});
