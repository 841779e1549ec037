import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { IdxError } from './idx-error.js';
import { checkIdxLength, type IdxHeader, type IdxKind } from './idx-header.js';
import { decodeImageHeader, IMAGE_KIND } from './parse-idx-images.js';
import { decodeLabelHeader, LABEL_KIND } from './parse-idx-labels.js';
import { isGzip } from './sniff-content.js';

/** Bytes read first to check the header and sniff the content. */
const HEAD_BYTES = 512;

/** Largest single read; Node refuses reads above 2 GiB. */
const READ_CHUNK_BYTES = 2 ** 24;

/** Which kind of IDX file a path should hold. */
export type IdxFileKind = 'images' | 'labels';

/**
 * Reads an IDX file (Node): for an uncompressed file the header is read
 * first and the declared size compared with the file size, so a bad or
 * lying header fails before any large allocation; then the whole file is
 * read into one buffer of exactly the file's size. Gzip files (`1f 8b`) are
 * returned compressed, for maybeGunzip.
 *
 * @param path - the file path.
 * @param kind - images or labels, to check the header.
 * @param source - name for error messages (usually the file name).
 */
export async function readIdxFile(
  path: string,
  kind: IdxFileKind,
  source: string,
): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw describeOpenError(error, path, source);
  }

  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new IdxError('not-a-file', source, `${path} is not a regular file`);
    }

    const head = await readRange(handle, 0, Math.min(stats.size, HEAD_BYTES));
    if (!isGzip(head)) {
      const [header, idxKind] = decodeHead(head, kind, source);
      checkIdxLength(header, stats.size, source, idxKind);
    }
    // TODO: each file is read whole into memory (about 55 MB for MNIST, 640 MB for EMNIST
    // ByClass); there is no streaming or memory-mapped access.
    const bytes = await readRange(handle, 0, stats.size);
    if (bytes.length < stats.size) {
      throw new IdxError(
        'truncated',
        source,
        `file shrank while being read: got ${bytes.length} of ${stats.size} bytes`,
      );
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

function decodeHead(head: Uint8Array, kind: IdxFileKind, source: string): [IdxHeader, IdxKind] {
  return kind === 'images'
    ? [decodeImageHeader(head, source), IMAGE_KIND]
    : [decodeLabelHeader(head, source), LABEL_KIND];
}

/** Reads `length` bytes from `position`; fewer only when the file ends first. */
async function readRange(
  handle: FileHandle,
  position: number,
  length: number,
): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  let offset = 0;
  while (offset < length) {
    const chunk = Math.min(READ_CHUNK_BYTES, length - offset);
    const { bytesRead } = await handle.read(bytes, offset, chunk, position + offset);
    if (bytesRead === 0) {
      return bytes.subarray(0, offset);
    }
    offset += bytesRead;
  }
  return bytes;
}

function describeOpenError(error: unknown, path: string, source: string): unknown {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT') {
    return new IdxError('not-found', source, `${path} does not exist`);
  }
  if (code === 'EISDIR') {
    return new IdxError('not-a-file', source, `${path} is a directory, not a file`);
  }
  return error;
}
