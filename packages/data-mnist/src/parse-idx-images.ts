import { IdxError } from './idx-error.js';
import { checkIdxLength, decodeIdxHeader, type IdxHeader, type IdxKind } from './idx-header.js';

/** Magic number of an IDX image file: unsigned bytes, 3 dimensions. */
export const IDX_IMAGES_MAGIC = 2051;

/** The header kind of an image file, for messages. */
export const IMAGE_KIND: IdxKind = { dimensions: 3, noun: 'image', layout: 'count × rows × cols' };

/** Greyscale images read from an IDX image file. */
export interface IdxImages {
  /** Number of images. */
  count: number;
  /** Image height in pixels. */
  rows: number;
  /** Image width in pixels. */
  cols: number;
  /** Pixels 0–255, row-major, image after image: shape [count, rows, cols]. */
  pixels: Uint8Array;
}

/**
 * Parses an uncompressed IDX image file (magic 2051: unsigned bytes, three
 * big-endian dimensions count, rows, cols) and checks that its length is
 * exactly 16 + count × rows × cols bytes.
 *
 * The returned `pixels` is a view into `bytes` (no copy); keep `bytes`
 * unchanged while the images are in use.
 *
 * @param bytes - the whole file, already decompressed (see maybeGunzip).
 * @param source - file name or URL for error messages; default `'bytes'`.
 * @returns count, rows, cols and the pixel view.
 * @throws {@link IdxError} with a specific code when the bytes are empty,
 *   short, not IDX, not unsigned bytes, not three-dimensional, of zero-sized
 *   images, truncated or too long.
 *
 * @example
 * const images = parseIdxImages(await readFile('train-images-idx3-ubyte'));
 * images.count; // 60000 for MNIST
 */
export function parseIdxImages(bytes: Uint8Array, source = 'bytes'): IdxImages {
  const header = decodeImageHeader(bytes, source);
  checkIdxLength(header, bytes.length, source, IMAGE_KIND);

  const [count, rows, cols] = imageDimensions(header);
  const pixels = bytes.subarray(header.headerLength, header.expectedLength); // [count, rows, cols]
  return { count, rows, cols, pixels };
}

/**
 * Decodes and checks an image header without looking at the payload; lets a
 * file reader compare the declared size with the file size before reading.
 */
export function decodeImageHeader(head: Uint8Array, source: string): IdxHeader {
  const header = decodeIdxHeader(head, source, IMAGE_KIND);
  const [, rows, cols] = imageDimensions(header);
  if (rows === 0 || cols === 0) {
    throw new IdxError(
      'bad-dimensions',
      source,
      `images are ${rows} × ${cols} pixels, expected at least 1 × 1`,
    );
  }
  return header;
}

function imageDimensions(header: IdxHeader): [number, number, number] {
  const [count = 0, rows = 0, cols = 0] = header.dimensions;
  return [count, rows, cols];
}
