import { describe, expect, it } from 'vitest';
import type { Split } from './dataset.js';
import { fillBatch } from './fill-batch.js';

/** Five 2 × 3 images; pixel j of image i is 50·i + j, label is i. */
const SPLIT: Split = {
  name: 'train',
  count: 5,
  rows: 2,
  cols: 3,
  pixels: Uint8Array.from({ length: 30 }, (_, k) => 50 * Math.floor(k / 6) + (k % 6)),
  labels: Uint8Array.of(0, 1, 2, 3, 4),
};

describe('fillBatch', () => {
  it('writes the examples in the given order, pixels as byte / 255', () => {
    const order = Uint32Array.of(4, 0, 2, 1, 3);
    const pixels = new Float32Array(3 * 6);
    const labels = new Int32Array(3);

    const written = fillBatch(SPLIT, order, 0, 3, pixels, labels);

    expect(written).toBe(3);
    expect(Array.from(labels)).toEqual([4, 0, 2]);
    // Reference: the definition x / 255, rounded to float32.
    const expected = [4, 0, 2].flatMap((image) =>
      Array.from({ length: 6 }, (_, j) => Math.fround((50 * image + j) / 255)),
    );
    expect(Array.from(pixels)).toEqual(expected);
  });

  it('maps 0 to 0 and 255 to 1 exactly', () => {
    const split: Split = { ...SPLIT, count: 1, rows: 1, cols: 2, pixels: Uint8Array.of(0, 255) };
    const pixels = new Float32Array(2);

    fillBatch(split, Uint32Array.of(0), 0, 1, pixels, new Int32Array(1));

    expect(Array.from(pixels)).toEqual([0, 1]);
  });

  it('writes fewer at the end of the order and leaves the rest untouched', () => {
    const pixels = new Float32Array(4 * 6).fill(-1);
    const labels = new Int32Array(4).fill(-1);

    const written = fillBatch(SPLIT, Uint32Array.of(0, 1, 2, 3, 4), 3, 4, pixels, labels);

    expect(written).toBe(2);
    expect(Array.from(labels)).toEqual([3, 4, -1, -1]);
    expect(pixels[12]).toBe(-1);
    expect(fillBatch(SPLIT, Uint32Array.of(0, 1), 2, 4, pixels, labels)).toBe(0);
  });

  it('refuses buffers too small and indices outside the split', () => {
    const order = Uint32Array.of(0, 1, 9);

    expect(() => fillBatch(SPLIT, order, 0, 2, new Float32Array(11), new Int32Array(2))).toThrow(
      'pixels holds 11 floats, expected at least 12 (2 × 2 × 3)',
    );
    expect(() => fillBatch(SPLIT, order, 0, 2, new Float32Array(12), new Int32Array(1))).toThrow(
      'labels holds 1 integers, expected at least 2',
    );
    expect(() => fillBatch(SPLIT, order, 2, 1, new Float32Array(6), new Int32Array(1))).toThrow(
      'order[2] is 9, but the train split has 5 examples',
    );
    expect(() => fillBatch(SPLIT, order, 4, 1, new Float32Array(6), new Int32Array(1))).toThrow(
      RangeError,
    );
  });
});
