import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IdxError } from './idx-error.js';
import { maybeGunzip } from './maybe-gunzip.js';
import { parseIdxImages } from './parse-idx-images.js';
import { parseIdxLabels } from './parse-idx-labels.js';
import { caught, imageFile, readEmbedded } from './test-utils/idx-files.js';

async function gzipError(run: () => unknown): Promise<IdxError> {
  const error = await caught(run);
  if (!(error instanceof IdxError)) {
    throw error;
  }
  expect(error.code).toBe('gzip');
  return error;
}

describe('maybeGunzip', () => {
  it('returns raw bytes unchanged, as the same object', async () => {
    const raw = imageFile(2, 3, 3);

    expect(await maybeGunzip(raw)).toBe(raw);
  });

  it('gzip and raw give identical parses (reference: node:zlib gzipSync)', async () => {
    const raw = imageFile(10, 28, 28);

    const unzipped = await maybeGunzip(gzipSync(raw), 'images.gz');

    expect(unzipped).toEqual(raw);
    const fromGzip = parseIdxImages(unzipped);
    const fromRaw = parseIdxImages(raw);
    expect(fromGzip.count).toBe(fromRaw.count);
    expect(fromGzip.pixels).toEqual(fromRaw.pixels);
  });

  it('detects gzip from the bytes, not from a name', async () => {
    const labels = await readEmbedded('t10k-labels-idx1-ubyte');

    const unzipped = await maybeGunzip(gzipSync(labels), 't10k-labels-idx1-ubyte');

    expect(parseIdxLabels(unzipped).labels).toEqual(parseIdxLabels(labels).labels);
  });

  it('reads concatenated gzip members (RFC 1952 §2.2)', async () => {
    const part = Uint8Array.of(1, 2, 3, 4, 5);
    const twice = Uint8Array.of(...gzipSync(part), ...gzipSync(part));

    expect(Array.from(await maybeGunzip(twice))).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
  });

  it('reports a truncated stream', async () => {
    const gz = gzipSync(imageFile(4, 28, 28));

    const error = await gzipError(() => maybeGunzip(gz.subarray(0, gz.length - 10), 'cut.gz'));

    expect(error.message).toContain(`cut.gz: gzip data of ${gz.length - 10} bytes`);
    expect(error.message).toContain('corrupt or truncated');
  });

  it('reports a corrupt stream', async () => {
    const gz = Uint8Array.from(gzipSync(imageFile(4, 28, 28)));
    gz.fill(0xff, 12, 40);

    await gzipError(() => maybeGunzip(gz));
  });

  it('stops at maxBytes instead of growing without bound', async () => {
    const gz = gzipSync(new Uint8Array(100_000));

    const error = await gzipError(() => maybeGunzip(gz, 'bomb.gz', 50_000));

    expect(error.message).toContain('exceeds 50000 bytes');
  });

  it('rejects a trailer that lies about the size, without allocating it', async () => {
    const raw = imageFile(3, 4, 4);
    const gz = Uint8Array.from(gzipSync(raw));
    // ISIZE (last four bytes) claims 4 GiB − 1; the data decides.
    gz.fill(0xff, gz.length - 4);

    await expect(maybeGunzip(gz)).rejects.toBeInstanceOf(IdxError);
  });
});
