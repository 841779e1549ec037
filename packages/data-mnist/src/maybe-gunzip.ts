import { IdxError } from './idx-error.js';
import { ownedBytes } from './owned-bytes.js';
import { isGzip } from './sniff-content.js';

/**
 * Largest decompressed size accepted by default: 1 GiB. The largest IDX
 * file of the MNIST family, EMNIST ByClass training images, is 547 MB.
 */
export const DEFAULT_MAX_GUNZIP_BYTES = 2 ** 30;

/** Deflate cannot expand data more than about 1032-fold; caps the size hint. */
const MAX_RATIO = 1032;

/**
 * Decompresses gzip data, recognised by its first two bytes `1f 8b` (never
 * by a file extension); any other bytes are returned unchanged, as the same
 * object. Uses the standard `DecompressionStream`, present in browsers and
 * in Node ≥ 18.
 *
 * The gzip trailer's size field (capped by the 1032:1 deflate limit) is used
 * to allocate the output once; the output is never allowed to grow past `maxBytes`, so a corrupt or
 * malicious stream fails instead of exhausting memory.
 *
 * @param bytes - raw or gzip-compressed bytes.
 * @param source - file name or URL for error messages; default `'bytes'`.
 * @param maxBytes - largest decompressed size accepted; default 1 GiB.
 * @throws {@link IdxError} with code `gzip` for a corrupt or truncated
 *   stream, output beyond `maxBytes`, or when DecompressionStream is missing;
 *   `RangeError` for an invalid maxBytes.
 *
 * @example
 * const raw = await maybeGunzip(await readFile('train-images-idx3-ubyte.gz'));
 */
export async function maybeGunzip(
  bytes: Uint8Array,
  source = 'bytes',
  maxBytes = DEFAULT_MAX_GUNZIP_BYTES,
): Promise<Uint8Array> {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
  }
  if (!isGzip(bytes)) {
    return bytes;
  }
  if (typeof DecompressionStream !== 'function') {
    throw new IdxError(
      'gzip',
      source,
      'the bytes are gzip-compressed but this environment has no DecompressionStream',
    );
  }

  // TODO: the whole compressed file is held in memory and inflated before its IDX header
  // can be checked, so the output is bounded by maxBytes, not by the declared size.
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // Errors surface through the reader below; this only avoids an unhandled rejection.
  writer
    .write(ownedBytes(bytes))
    .then(() => writer.close())
    .catch(() => undefined);

  const reader = stream.readable.getReader();
  const hint = Math.min(trailerSize(bytes), maxBytes, MAX_RATIO * bytes.length);
  let output: Uint8Array = new Uint8Array(hint);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      if (length + value.length > maxBytes) {
        await reader.cancel();
        throw new IdxError(
          'gzip',
          source,
          `decompressed data exceeds ${maxBytes} bytes (the maxBytes limit); ` +
            'the file is corrupt or not a single IDX file',
        );
      }
      if (length + value.length > output.length) {
        const size = Math.min(maxBytes, Math.max(2 * output.length, length + value.length));
        output = grow(output, length, size);
      }
      output.set(value, length);
      length += value.length;
    }
  } catch (error) {
    if (error instanceof IdxError) {
      throw error;
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new IdxError(
      'gzip',
      source,
      `gzip data of ${bytes.length} bytes could not be decompressed (${reason}); ` +
        'the file is corrupt or truncated',
    );
  }

  return length === output.length ? output : output.subarray(0, length);
}

/**
 * The uncompressed size stored in the last four bytes of a gzip stream
 * (ISIZE, little-endian, modulo 2^32, RFC 1952 §2.3.1). Only a hint: it
 * covers the last member and wraps above 4 GiB.
 */
function trailerSize(bytes: Uint8Array): number {
  if (bytes.length < 18) {
    return 0;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4);
  return view.getUint32(0, true);
}

function grow(output: Uint8Array, used: number, size: number): Uint8Array {
  const larger = new Uint8Array(size);
  larger.set(output.subarray(0, used));
  return larger;
}
