import { type Dataset, datasetFromBytes } from '@rrelu/data-mnist';
import { describe, expect, it } from 'vitest';
import { cutSplits } from './dataset-subset.js';

/** An unsigned-byte IDX file: 00 00 08 <rank>, big-endian sizes, then the bytes. */
function idx(dimensions: readonly number[], payload: Uint8Array): Uint8Array {
  const header = 4 + 4 * dimensions.length;
  const bytes = new Uint8Array(header + payload.length);
  const view = new DataView(bytes.buffer);
  bytes[2] = 0x08;
  bytes[3] = dimensions.length;
  for (const [axis, size] of dimensions.entries()) view.setUint32(4 + 4 * axis, size, false);
  bytes.set(payload, header);
  return bytes;
}

/** 50 training and 7 test images of 2 × 2 pixels; every example's pixels and label differ. */
const files = {
  trainImages: idx(
    [50, 2, 2],
    Uint8Array.from({ length: 200 }, (_, i) => i % 251),
  ),
  trainLabels: idx(
    [50],
    Uint8Array.from({ length: 50 }, (_, i) => (i * 7) % 10),
  ),
  testImages: idx(
    [7, 2, 2],
    Uint8Array.from({ length: 28 }, (_, i) => 255 - i),
  ),
  testLabels: idx(
    [7],
    Uint8Array.from({ length: 7 }, (_, i) => i % 10),
  ),
};
const sizes = { validationSize: 9, trainSize: 12, testSize: 5 };

const contents = (dataset: Dataset) =>
  (['train', 'validation', 'test'] as const).map((name) => ({
    name,
    count: dataset[name].count,
    pixels: [...dataset[name].pixels],
    labels: [...dataset[name].labels],
  }));

describe('cutSplits', () => {
  it('cuts the splits the CLI loader cuts for the same sizes', async () => {
    const whole = await datasetFromBytes(files, { validationSize: 0 });
    // The reference: @rrelu/data-mnist's own loader given the sizes, as `rrelu train` calls it.
    const reference = await datasetFromBytes(files, sizes);

    const cut = cutSplits(whole, sizes);

    expect(cut.train.count).toBe(12);
    expect(cut.validation.count).toBe(9);
    expect(cut.test.count).toBe(5);
    expect(contents(cut)).toEqual(contents(reference));
  });

  it('returns views of the loaded bytes, not copies', async () => {
    const whole = await datasetFromBytes(files, { validationSize: 0 });

    const cut = cutSplits(whole, sizes);

    expect(cut.train.pixels.buffer).toBe(whole.train.pixels.buffer);
    expect(cut.validation.labels.buffer).toBe(whole.train.labels.buffer);
    expect(cut.test.pixels.buffer).toBe(whole.test.pixels.buffer);
  });

  it('rejects sizes it cannot honour, naming the values', async () => {
    const whole = await datasetFromBytes(files, { validationSize: 0 });
    const split = await datasetFromBytes(files, { validationSize: 5 });

    expect(() => cutSplits(whole, { ...sizes, trainSize: 0 })).toThrow('trainSize');
    expect(() => cutSplits(whole, { ...sizes, trainSize: 42 })).toThrow('9 + 42');
    expect(() => cutSplits(whole, { ...sizes, testSize: 8 })).toThrow('holds 7 examples');
    expect(() => cutSplits(split, sizes)).toThrow('got 5 validation examples');
  });
});
