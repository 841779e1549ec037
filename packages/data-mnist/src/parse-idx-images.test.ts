import { describe, expect, it } from 'vitest';
import { parseIdxImages } from './parse-idx-images.js';
import {
  idxBytes,
  imageFile,
  labelFile,
  MNIST_FILE_SIZES,
  readEmbedded,
  idxError,
} from './test-utils/idx-files.js';

describe('parseIdxImages', () => {
  it('parses the embedded training images without copying', async () => {
    const bytes = await readEmbedded('train-images-idx3-ubyte');

    const images = parseIdxImages(bytes, 'train-images-idx3-ubyte');

    // Sizes from stack.md (Data): 47,040,016 bytes = 16 + 60000 × 28 × 28.
    expect(bytes.length).toBe(MNIST_FILE_SIZES['train-images-idx3-ubyte']);
    expect([images.count, images.rows, images.cols]).toEqual([60000, 28, 28]);
    expect(images.pixels).toBeInstanceOf(Uint8Array);
    expect(images.pixels.length).toBe(60000 * 28 * 28);
    expect(images.pixels.buffer).toBe(bytes.buffer);
    expect(images.pixels.byteOffset).toBe(bytes.byteOffset + 16);
  });

  it('keeps pixel order: payload byte k is pixel k (hand-built file)', () => {
    const bytes = imageFile(3, 2, 5);

    const images = parseIdxImages(bytes);

    expect([images.count, images.rows, images.cols]).toEqual([3, 2, 5]);
    expect(Array.from(images.pixels)).toEqual(Array.from(bytes.subarray(16)));
  });

  it('accepts a file of zero images', () => {
    expect(parseIdxImages(imageFile(0, 28, 28)).pixels.length).toBe(0);
  });
});

describe('parseIdxImages: clear errors (case P17)', () => {
  it('an empty file', async () => {
    const error = await idxError(() => parseIdxImages(new Uint8Array(0), 'empty.idx'));

    expect(error.code).toBe('empty');
    expect(error.message).toBe(
      'empty.idx: file is empty (0 bytes), expected at least 16 bytes (an IDX image file)',
    );
  });

  it('a 7-byte file', async () => {
    const head = (await readEmbedded('train-images-idx3-ubyte')).subarray(0, 7);

    const error = await idxError(() => parseIdxImages(head, 'seven'));

    expect(error.code).toBe('too-short');
    expect(error.message).toBe(
      'seven: file has 7 bytes, expected at least 16 (the 16-byte header of an IDX image file)',
    );
  });

  it('training images missing their last byte', async () => {
    const bytes = await readEmbedded('train-images-idx3-ubyte');

    const error = await idxError(() =>
      parseIdxImages(bytes.subarray(0, bytes.length - 1), 'train-images-idx3-ubyte'),
    );

    // 47,040,016 bytes expected (P17, stack.md); one fewer present.
    expect(error.code).toBe('truncated');
    expect(error.message).toBe(
      'train-images-idx3-ubyte: file has 47040015 bytes, expected 47040016 ' +
        '(16-byte header + 60000 × 28 × 28); the file is truncated',
    );
  });

  it('extra bytes after the images', async () => {
    const bytes = Uint8Array.of(...imageFile(1, 2, 2), 0, 0);

    const error = await idxError(() => parseIdxImages(bytes));

    // 16 + 1 × 2 × 2 = 20 bytes expected, 22 present.
    expect(error.code).toBe('too-long');
    expect(error.message).toContain('file has 22 bytes, expected 20');
    expect(error.message).toContain('2 extra bytes');
  });

  it('a header declaring 10^9 images on a 100-byte buffer fails at once', async () => {
    const bytes = new Uint8Array(100);
    bytes.set(idxBytes(0x08, [1_000_000_000, 28, 28], []));

    const error = await idxError(() => parseIdxImages(bytes));

    // 16 + 10^9 × 784 = 784,000,000,016, computed by hand.
    expect(error.code).toBe('truncated');
    expect(error.message).toContain('file has 100 bytes, expected 784000000016');
  });

  it('a label file given as images', async () => {
    const error = await idxError(() => parseIdxImages(labelFile([1, 2, 3])));

    expect(error.code).toBe('bad-dimensions');
    expect(error.message).toContain('declares 1 dimension (magic 2049), expected 3');
    expect(error.message).toContain('looks like a label file');
  });

  it('images of zero rows', async () => {
    const error = await idxError(() => parseIdxImages(idxBytes(0x08, [5, 0, 28], [])));

    expect(error.code).toBe('bad-dimensions');
    expect(error.message).toContain('0 × 28');
  });
});
