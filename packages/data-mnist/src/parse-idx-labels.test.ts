import { describe, expect, it } from 'vitest';
import { parseIdxLabels } from './parse-idx-labels.js';
import {
  classCounts,
  imageFile,
  labelFile,
  MNIST_TEST_CLASS_COUNTS,
  MNIST_TRAIN_CLASS_COUNTS,
  readEmbedded,
  idxError,
} from './test-utils/idx-files.js';

describe('parseIdxLabels', () => {
  it('parses the embedded label files; per-class counts match stack.md', async () => {
    const train = parseIdxLabels(await readEmbedded('train-labels-idx1-ubyte'));
    const test = parseIdxLabels(await readEmbedded('t10k-labels-idx1-ubyte'));

    expect(train.count).toBe(60000);
    expect(test.count).toBe(10000);
    expect(classCounts(train.labels, 10)).toEqual(MNIST_TRAIN_CLASS_COUNTS);
    expect(classCounts(test.labels, 10)).toEqual(MNIST_TEST_CLASS_COUNTS);
  });

  it('returns a view of the payload', () => {
    const bytes = labelFile([3, 1, 4, 1, 5]);

    const { labels } = parseIdxLabels(bytes);

    expect(Array.from(labels)).toEqual([3, 1, 4, 1, 5]);
    expect(labels.buffer).toBe(bytes.buffer);
  });

  it('accepts labels up to classCount − 1 (EMNIST letters: 1–26, 27 classes)', () => {
    expect(parseIdxLabels(labelFile([1, 26]), 'letters', 27).count).toBe(2);
  });

  it('refuses a classCount outside 1–256', () => {
    expect(() => parseIdxLabels(labelFile([0]), 'x', 0)).toThrow(RangeError);
    expect(() => parseIdxLabels(labelFile([0]), 'x', 2.5)).toThrow(/got 2.5/);
  });
});

describe('parseIdxLabels: clear errors (case P17)', () => {
  it('a label of 10 names the index and the value', async () => {
    const bytes = Uint8Array.from(await readEmbedded('t10k-labels-idx1-ubyte'));
    bytes[8 + 1234] = 10;

    const error = await idxError(() => parseIdxLabels(bytes, 't10k-labels-idx1-ubyte'));

    expect(error.code).toBe('label-range');
    expect(error.message).toBe(
      't10k-labels-idx1-ubyte: label 10 at index 1234 is out of range, expected 0 to 9 ' +
        '(10 classes)',
    );
  });

  it('labels missing their last byte', async () => {
    const bytes = await readEmbedded('train-labels-idx1-ubyte');

    const error = await idxError(() =>
      parseIdxLabels(bytes.subarray(0, bytes.length - 1), 'train-labels-idx1-ubyte'),
    );

    // 60,008 bytes expected (P17, stack.md): 8-byte header + 60000 labels.
    expect(error.code).toBe('truncated');
    expect(error.message).toContain(
      'file has 60007 bytes, expected 60008 (8-byte header + 60000 labels)',
    );
  });

  it('an empty file and a 7-byte file', async () => {
    const empty = await idxError(() => parseIdxLabels(new Uint8Array(0)));
    const seven = await idxError(() => parseIdxLabels(labelFile([1, 2, 3]).subarray(0, 7)));

    expect(empty.code).toBe('empty');
    expect(empty.message).toContain('expected at least 8 bytes');
    expect(seven.code).toBe('too-short');
    expect(seven.message).toContain('file has 7 bytes, expected at least 8');
  });

  it('an image file given as labels', async () => {
    const error = await idxError(() => parseIdxLabels(imageFile(1, 2, 2)));

    expect(error.code).toBe('bad-dimensions');
    expect(error.message).toContain('looks like an image file');
  });
});
