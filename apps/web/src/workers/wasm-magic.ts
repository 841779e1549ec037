/** The four bytes every WebAssembly binary starts with: `\0asm`. */
export const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d] as const;

/** A wasm binary that could not be fetched or is not wasm; names the URL. */
export class WasmLoadError extends Error {
  readonly url: string;

  constructor(url: string, detail: string) {
    super(`wasm file ${url}: ${detail}`);
    this.name = 'WasmLoadError';
    this.url = url;
  }
}

/** Hex of the first four bytes, e.g. `3c 21 44 4f`. */
export function hexPrefix(bytes: Uint8Array): string {
  return [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

/**
 * Checks that `bytes` begin with the wasm magic number and throws a
 * {@link WasmLoadError} naming `url` and the bytes found otherwise; HTML
 * (`<!DO…`, `<htm…`), as a single-page host serves for unknown paths, is
 * called out as such.
 */
export function checkWasmMagic(url: string, bytes: Uint8Array): void {
  const ok = bytes.length >= 4 && WASM_MAGIC.every((byte, i) => bytes[i] === byte);
  if (ok) return;

  const expected = hexPrefix(new Uint8Array(WASM_MAGIC));
  if (bytes.length < 4) {
    throw new WasmLoadError(url, `only ${bytes.length} bytes, expected a wasm binary`);
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart().toLowerCase();
  const html = head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<');
  const what = html ? 'an HTML page, not a wasm binary (wrong wasm path?)' : 'not a wasm binary';
  throw new WasmLoadError(
    url,
    `starts with bytes ${hexPrefix(bytes)} instead of ${expected}: ${what}`,
  );
}

/**
 * Fetches the first bytes of a wasm URL and checks them, so that a wrong
 * path fails at once with a clear message instead of inside Emscripten.
 */
export async function preflightWasm(url: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WasmLoadError(url, `request failed (${reason})`);
  }
  if (!response.ok) {
    throw new WasmLoadError(url, `server answered HTTP ${response.status}, expected 200`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  checkWasmMagic(url, bytes);
}
