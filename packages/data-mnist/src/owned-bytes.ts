/**
 * The same bytes typed as backed by a plain ArrayBuffer, as Web APIs
 * (DecompressionStream, crypto.subtle, Response) require. A view is
 * returned when possible; bytes on a SharedArrayBuffer are copied.
 */
export function ownedBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const buffer = bytes.buffer;
  if (buffer instanceof ArrayBuffer) {
    return new Uint8Array(buffer, bytes.byteOffset, bytes.byteLength);
  }
  return new Uint8Array(bytes);
}
