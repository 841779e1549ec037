import { IdxError } from './idx-error.js';
import { checkIdxLength, decodeIdxHeader, type IdxHeader, type IdxKind } from './idx-header.js';

/** Magic number of an IDX label file: unsigned bytes, 1 dimension. */
export const IDX_LABELS_MAGIC = 2049;

/** Number of classes assumed when none is given (the ten digits of MNIST). */
export const DEFAULT_CLASS_COUNT = 10;

/** The header kind of a label file, for messages. */
export const LABEL_KIND: IdxKind = { dimensions: 1, noun: 'label', layout: 'count' };

/** Class labels read from an IDX label file. */
export interface IdxLabels {
  /** Number of labels. */
  count: number;
  /** One class index per example, each below the class count: shape [count]. */
  labels: Uint8Array;
}

/**
 * Parses an uncompressed IDX label file (magic 2049: unsigned bytes, one
 * big-endian dimension), checks that it is exactly 8 + count bytes long and
 * that every label is below `classCount`.
 *
 * The returned `labels` is a view into `bytes` (no copy).
 *
 * @param bytes - the whole file, already decompressed (see maybeGunzip).
 * @param source - file name or URL for error messages; default `'bytes'`.
 * @param classCount - number of classes, an integer 1–256; default 10.
 *   EMNIST letters uses labels 1–26, so it needs 27.
 * @throws {@link IdxError} for malformed files and for a label ≥ classCount
 *   (code `label-range`, naming the index and the value);
 *   `RangeError` for an invalid classCount.
 *
 * @example
 * const { labels } = parseIdxLabels(bytes, 't10k-labels-idx1-ubyte');
 */
export function parseIdxLabels(
  bytes: Uint8Array,
  source = 'bytes',
  classCount = DEFAULT_CLASS_COUNT,
): IdxLabels {
  checkClassCount(classCount);

  const header = decodeLabelHeader(bytes, source);
  checkIdxLength(header, bytes.length, source, LABEL_KIND);

  const count = header.dimensions[0] ?? 0;
  const labels = bytes.subarray(header.headerLength, header.expectedLength); // [count]
  checkLabelRange(labels, classCount, source);
  return { count, labels };
}

/** Decodes and checks a label header without looking at the payload. */
export function decodeLabelHeader(head: Uint8Array, source: string): IdxHeader {
  return decodeIdxHeader(head, source, LABEL_KIND);
}

/** Throws `RangeError` unless classCount is an integer 1–256. */
export function checkClassCount(classCount: number): void {
  if (!Number.isInteger(classCount) || classCount < 1 || classCount > 256) {
    throw new RangeError(
      `classCount must be an integer from 1 to 256 (labels are bytes), got ${classCount}`,
    );
  }
}

function checkLabelRange(labels: Uint8Array, classCount: number, source: string): void {
  if (classCount === 256) {
    return;
  }

  for (let index = 0; index < labels.length; index += 1) {
    const label = labels[index]!;
    if (label >= classCount) {
      throw new IdxError(
        'label-range',
        source,
        `label ${label} at index ${index} is out of range, expected 0 to ${classCount - 1} ` +
          `(${classCount} classes)`,
      );
    }
  }
}
