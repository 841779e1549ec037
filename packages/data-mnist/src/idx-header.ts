import { IdxError } from './idx-error.js';
import { hexBytes, recognizeSignature, refuseForeignContent } from './sniff-content.js';

/** IDX element type of unsigned bytes, the only type MNIST-style files use. */
export const IDX_UNSIGNED_BYTE = 0x08;

/** Names of the IDX element types (third byte of the magic number). */
const ELEMENT_TYPES: ReadonlyMap<number, string> = new Map([
  [0x08, 'unsigned byte'],
  [0x09, 'signed byte'],
  [0x0b, '16-bit short integer'],
  [0x0c, '32-bit integer'],
  [0x0d, '32-bit float'],
  [0x0e, '64-bit double'],
]);

/** The decoded header of an IDX file. */
export interface IdxHeader {
  /** Big-endian magic number: `0x0800 + dimensions.length` for unsigned bytes. */
  magic: number;
  /** Element type code, always 0x08 (unsigned byte) once accepted. */
  elementType: number;
  /** Size of each dimension, outermost first (count, rows, cols for images). */
  dimensions: number[];
  /** Bytes taken by the header: 4 + 4 × number of dimensions. */
  headerLength: number;
  /** Header plus payload size the header declares; inexact beyond 2^53. */
  expectedLength: number;
}

/** What a caller expects an IDX file to be; used to word errors. */
export interface IdxKind {
  /** Expected number of dimensions: 3 for images, 1 for labels. */
  dimensions: number;
  /** Noun for messages: 'image' or 'label'. */
  noun: 'image' | 'label';
  /** Names the dimensions for messages, e.g. 'count × rows × cols'. */
  layout: string;
}

/**
 * Reads and checks the header of an IDX file: the magic number (big-endian,
 * `00 00 <type> <dimensions>`) and the dimension sizes that follow it. It
 * does not compare the file length with the declared size; the parse
 * functions do.
 *
 * IDX is the format of LeCun, Cortes and Burges' MNIST distribution
 * (http://yann.lecun.com/exdb/mnist/): every integer is big-endian.
 *
 * @param bytes - at least the header; the payload may be absent.
 * @param source - file name or URL used in error messages; default `'bytes'`.
 * @returns the header; throws {@link IdxError} when the bytes are not IDX or
 *   use an element type other than unsigned byte.
 *
 * @example
 * const header = readIdxHeader(bytes.subarray(0, 16));
 * // { magic: 2051, dimensions: [60000, 28, 28], headerLength: 16, ... }
 */
export function readIdxHeader(bytes: Uint8Array, source = 'bytes'): IdxHeader {
  return decodeIdxHeader(bytes, source);
}

/**
 * {@link readIdxHeader} with an expected kind: the dimension count is
 * checked and short files are reported against the kind's header size.
 */
export function decodeIdxHeader(bytes: Uint8Array, source: string, kind?: IdxKind): IdxHeader {
  const wanted = kind ? ` (an IDX ${kind.noun} file)` : '';
  const minimum = kind ? 4 + 4 * kind.dimensions : 4;
  if (bytes.length === 0) {
    throw new IdxError(
      'empty',
      source,
      `file is empty (0 bytes), expected at least ${minimum} bytes${wanted}`,
    );
  }

  refuseForeignContent(bytes, source);
  if (bytes.length < 4) {
    throw tooShort(bytes.length, minimum, source, kind);
  }

  checkMagic(bytes, source, kind);
  const count = bytes[3]!;
  if (kind && count !== kind.dimensions) {
    throw wrongDimensionCount(count, source, kind);
  }

  const headerLength = 4 + 4 * count;
  if (bytes.length < headerLength) {
    throw tooShort(bytes.length, headerLength, source, kind);
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, headerLength);
  const dimensions: number[] = [];
  let payload = 1;
  for (let axis = 0; axis < count; axis += 1) {
    const size = view.getUint32(4 + 4 * axis, false); // IDX integers are big-endian
    dimensions.push(size);
    payload *= size;
  }

  return {
    magic: view.getUint32(0, false),
    elementType: bytes[2]!,
    dimensions,
    headerLength,
    expectedLength: headerLength + payload,
  };
}

/**
 * Compares a file's length with the size its header declares; throws
 * `truncated` or `too-long` naming both sizes and how the expected one is
 * made up.
 */
export function checkIdxLength(
  header: IdxHeader,
  actualLength: number,
  source: string,
  kind: IdxKind,
): void {
  const payload = header.dimensions.reduce((product, size) => product * BigInt(size), 1n);
  const expected = BigInt(header.headerLength) + payload;
  const actual = BigInt(actualLength);
  if (actual === expected) {
    return;
  }

  const sizes = header.dimensions.join(' × ');
  const makeup =
    kind.noun === 'label'
      ? `${header.headerLength}-byte header + ${sizes} labels`
      : `${header.headerLength}-byte header + ${sizes}`;
  const stated = `file has ${actual} bytes, expected ${expected} (${makeup})`;
  if (actual < expected) {
    throw new IdxError('truncated', source, `${stated}; the file is truncated`);
  }
  throw new IdxError(
    'too-long',
    source,
    `${stated}; the file has ${actual - expected} extra bytes at the end`,
  );
}

/** Names an element type code for messages: `0x0D (32-bit float)`. */
export function describeElementType(code: number): string {
  const hex = `0x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  const name = ELEMENT_TYPES.get(code);
  return name ? `${hex} (${name})` : hex;
}

function checkMagic(bytes: Uint8Array, source: string, kind: IdxKind | undefined): void {
  const magic = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false);
  const expected = kind
    ? `${0x0800 + kind.dimensions} (00 00 08 ${hexBytes(Uint8Array.of(kind.dimensions), 1)})`
    : '00 00 <element type> <dimension count>';
  const found = `magic number is ${magic} (bytes ${hexBytes(bytes, 4)}), expected ${expected}`;

  if (bytes[0] !== 0 || bytes[1] !== 0) {
    if (looksByteSwapped(bytes)) {
      throw new IdxError(
        'little-endian',
        source,
        `${found}; the header looks little-endian (byte-swapped), but IDX integers are ` +
          'big-endian: the file was written or converted with the wrong byte order',
      );
    }
    const format = recognizeSignature(bytes);
    const guess = format ? `; the bytes look like ${format}` : '';
    throw new IdxError('bad-magic', source, `${found}: not an IDX file${guess}`);
  }

  // TODO: only unsigned-byte IDX (0x08) is read; files of the other element types are
  // refused, not converted.
  const type = bytes[2]!;
  if (type === IDX_UNSIGNED_BYTE) {
    return;
  }
  if (ELEMENT_TYPES.has(type)) {
    throw new IdxError(
      'unsupported-type',
      source,
      `element type ${describeElementType(type)} is not supported; only ` +
        `${describeElementType(IDX_UNSIGNED_BYTE)} is (${found})`,
    );
  }
  throw new IdxError(
    'bad-magic',
    source,
    `${found}: third byte ${describeElementType(type)} is not an IDX element type ` +
      `(${[...ELEMENT_TYPES.keys()].map(describeElementType).join(', ')})`,
  );
}

/** `<dims> <type> 00 00`: an IDX magic number stored least significant byte first. */
function looksByteSwapped(bytes: Uint8Array): boolean {
  const dimensions = bytes[0]!;
  return (
    dimensions >= 1 &&
    dimensions <= 4 &&
    ELEMENT_TYPES.has(bytes[1]!) &&
    bytes[2] === 0 &&
    bytes[3] === 0
  );
}

function tooShort(
  length: number,
  minimum: number,
  source: string,
  kind: IdxKind | undefined,
): IdxError {
  const what = kind ? `the ${minimum}-byte header of an IDX ${kind.noun} file` : 'the IDX header';
  return new IdxError(
    'too-short',
    source,
    `file has ${length} bytes, expected at least ${minimum} (${what})`,
  );
}

function wrongDimensionCount(count: number, source: string, kind: IdxKind): IdxError {
  const plural = count === 1 ? 'dimension' : 'dimensions';
  let hint = '';
  if (count === 1 && kind.noun === 'image') {
    hint = '; this looks like a label file (magic 2049)';
  } else if (count === 3 && kind.noun === 'label') {
    hint = '; this looks like an image file (magic 2051)';
  }
  return new IdxError(
    'bad-dimensions',
    source,
    `header declares ${count} ${plural} (magic ${0x0800 + count}), expected ${kind.dimensions} ` +
      `for an IDX ${kind.noun} file (${kind.layout}, magic ${0x0800 + kind.dimensions})${hint}`,
  );
}
