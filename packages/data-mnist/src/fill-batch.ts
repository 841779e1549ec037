import type { Split } from './dataset.js';

/** x / 255 for every byte x, rounded to float32 once. */
const BYTE_TO_UNIT = Float32Array.from({ length: 256 }, (_, value) => value / 255);

/**
 * Copies up to `size` examples of a split, in the order given, into
 * caller-owned buffers, scaling pixels to [0, 1] as x / 255. Allocates
 * nothing, so one pair of buffers serves a whole training run.
 *
 * Fewer than `size` examples are written at the end of `order`; the rest of
 * the buffers is left as it was.
 *
 * @param split - the source examples.
 * @param order - example indices, e.g. from {@link epochOrder}; each < split.count.
 * @param start - first position in `order`, 0 to order.length.
 * @param size - batch size, a non-negative integer.
 * @param pixels - output, at least size × rows × cols floats: shape [size, rows, cols].
 * @param labels - output, at least size integers: shape [size].
 * @returns the number of examples written: min(size, order.length − start).
 *
 * @example
 * const pixels = new Float32Array(64 * 28 * 28);
 * const labels = new Int32Array(64);
 * const written = fillBatch(mnist.train, order, 0, 64, pixels, labels);
 */
export function fillBatch(
  split: Split,
  order: Uint32Array,
  start: number,
  size: number,
  pixels: Float32Array,
  labels: Int32Array,
): number {
  const imageSize = split.rows * split.cols;
  if (!Number.isInteger(start) || start < 0 || start > order.length) {
    throw new RangeError(`start must be an integer from 0 to ${order.length}, got ${start}`);
  }
  if (!Number.isInteger(size) || size < 0) {
    throw new RangeError(`size must be a non-negative integer, got ${size}`);
  }
  const written = Math.min(size, order.length - start);
  if (pixels.length < written * imageSize) {
    throw new RangeError(
      `pixels holds ${pixels.length} floats, expected at least ${written * imageSize} ` +
        `(${written} × ${split.rows} × ${split.cols})`,
    );
  }
  if (labels.length < written) {
    throw new RangeError(`labels holds ${labels.length} integers, expected at least ${written}`);
  }

  for (let slot = 0; slot < written; slot += 1) {
    const example = order[start + slot]!;
    if (example >= split.count) {
      throw new RangeError(
        `order[${start + slot}] is ${example}, but the ${split.name} split has ` +
          `${split.count} examples`,
      );
    }

    const from = example * imageSize;
    const to = slot * imageSize;
    for (let offset = 0; offset < imageSize; offset += 1) {
      pixels[to + offset] = BYTE_TO_UNIT[split.pixels[from + offset]!]!;
    }
    labels[slot] = split.labels[example]!;
  }
  return written;
}
