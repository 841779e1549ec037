import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeElementType, readIdxHeader } from './idx-header.js';
import { parseIdxImages } from './parse-idx-images.js';
import { parseIdxLabels } from './parse-idx-labels.js';
import { idxBytes, idxError, imageFile, readEmbedded } from './test-utils/idx-files.js';

/** Case P16 (public-cases.md): the first 16 bytes of MNIST's training images. */
const P16_HEADER = Uint8Array.from([
  0x00, 0x00, 0x08, 0x03, 0x00, 0x00, 0xea, 0x60, 0x00, 0x00, 0x00, 0x1c, 0x00, 0x00, 0x00, 0x1c,
]);

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readIdxHeader: byte order (case P16)', () => {
  it('reads the 16 header bytes big-endian: magic 2051, 60000 images of 28 × 28', async () => {
    // Expected values from case P16; the embedded file must start with those bytes.
    const file = await readEmbedded('train-images-idx3-ubyte');
    expect(file.subarray(0, 16)).toEqual(P16_HEADER);

    const header = readIdxHeader(P16_HEADER, 'train-images-idx3-ubyte');

    expect(header.magic).toBe(2051);
    expect(header.elementType).toBe(0x08);
    expect(header.dimensions).toEqual([60000, 28, 28]);
    expect(header.headerLength).toBe(16);
    // 16 + 60000 × 28 × 28 = 47,040,016 (stack.md, Data).
    expect(header.expectedLength).toBe(47_040_016);
  });

  it('reads the label header: magic 2049, 60000 labels (case P16)', async () => {
    const file = await readEmbedded('train-labels-idx1-ubyte');

    const header = readIdxHeader(file.subarray(0, 8));

    expect(header.magic).toBe(2049);
    expect(header.dimensions).toEqual([60000]);
  });

  it('never accepts the little-endian reading 50855936 (case P16)', async () => {
    // The pitfall itself: the same four bytes read little-endian give 50855936.
    expect(new DataView(P16_HEADER.buffer).getUint32(0, true)).toBe(50855936);

    // A header written little-endian (each 32-bit word byte-swapped) is refused.
    const swapped = Uint8Array.from(P16_HEADER);
    for (let word = 0; word < 16; word += 4) {
      swapped.subarray(word, word + 4).reverse();
    }
    const error = await idxError(() => parseIdxImages(swapped, 'swapped'));

    expect(error.code).toBe('little-endian');
    expect(error.message).toContain('50855936');
    expect(error.message).toContain('expected 2051');
    expect(error.message).toContain('big-endian');
  });
});

describe('readIdxHeader: element types', () => {
  // Type codes and names from the IDX description on LeCun's MNIST page.
  const unsupported: [number, string][] = [
    [0x09, '0x09 (signed byte)'],
    [0x0b, '0x0B (16-bit short integer)'],
    [0x0c, '0x0C (32-bit integer)'],
    [0x0d, '0x0D (32-bit float)'],
    [0x0e, '0x0E (64-bit double)'],
  ];

  it.each(unsupported)('refuses element type %i and names it', async (type, name) => {
    const bytes = idxBytes(type, [1, 2, 2], [0, 0, 0, 0]);

    const error = await idxError(() => parseIdxImages(bytes, 'typed'));

    expect(error.code).toBe('unsupported-type');
    expect(error.message).toContain(name);
    expect(error.message).toContain('only 0x08 (unsigned byte)');
    expect(describeElementType(type)).toBe(name);
  });

  it('calls a type code outside the IDX list a bad magic number', async () => {
    const error = await idxError(() => readIdxHeader(idxBytes(0x05, [1], [0])));

    expect(error.code).toBe('bad-magic');
    expect(error.message).toContain('0x05');
  });
});

describe('readIdxHeader: content that is not IDX', () => {
  it.each([
    ['<!DOCTYPE html><html><head><title>404</title></head></html>'],
    ['<html><body>Not Found</body></html>'],
    ['\uFEFF\n  <!doctype HTML>\n<html lang="en">'],
  ])('names an HTML page as such: %j', async (page) => {
    const error = await idxError(() => parseIdxImages(encode(page), 'train-images-idx3-ubyte'));

    expect(error.code).toBe('html');
    expect(error.source).toBe('train-images-idx3-ubyte');
    expect(error.message).toContain('is an HTML page, not an IDX file (a failed download?)');
  });

  it('names an XML error document (S3 style) as markup', async () => {
    const xml = '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>';

    const error = await idxError(() => parseIdxLabels(encode(xml)));

    expect(error.code).toBe('html');
    expect(error.message).toContain('XML document');
  });

  it.each([
    ['Not Found'],
    ['404: the requested file was not found on this server.\n'],
    ['Fichier introuvable – réessayez'],
  ])('names text as text and quotes it: %j', async (text) => {
    const error = await idxError(() => parseIdxImages(encode(text)));

    expect(error.code).toBe('text');
    expect(error.message).toContain('is text, not a binary IDX file');
    expect(error.message).toContain(text.slice(0, 8));
  });

  it('recognises a Git LFS pointer', async () => {
    const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:0123\nsize 47040016\n';

    const error = await idxError(() => parseIdxImages(encode(pointer)));

    expect(error.code).toBe('text');
    expect(error.message).toContain('Git LFS pointer');
  });

  it('refuses gzip bytes, pointing at maybeGunzip', async () => {
    const error = await idxError(() => parseIdxImages(gzipSync(imageFile(1, 2, 2))));

    expect(error.code).toBe('gzip');
    expect(error.message).toContain('1f 8b');
  });

  it('names a zip archive in a bad-magic error', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0xff, 0xfe]);

    const error = await idxError(() => parseIdxImages(zip));

    expect(error.code).toBe('bad-magic');
    expect(error.message).toContain('zip archive');
    expect(error.message).toContain('50 4b 03 04');
  });

  it('does not take IDX whose pixels are printable for text', () => {
    // 0x41 = 'A': every payload byte printable, but the header starts 00 00.
    const bytes = imageFile(2, 4, 4, () => 0x41);

    expect(parseIdxImages(bytes).count).toBe(2);
  });
});
