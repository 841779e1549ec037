/**
 * What went wrong while reading an IDX file or assembling a dataset. Every
 * {@link IdxError} carries one of these codes so callers can branch on the
 * cause without parsing the message.
 *
 * - `empty`: the file has no bytes.
 * - `too-short`: fewer bytes than the IDX header needs.
 * - `bad-magic`: the first four bytes are not an IDX magic number.
 * - `little-endian`: the header looks byte-swapped (IDX is big-endian).
 * - `unsupported-type`: an IDX element type other than 0x08 (unsigned byte).
 * - `html`: the bytes are an HTML (or XML) page, typically a failed download.
 * - `text`: the bytes are plain text (an error message, a Git LFS pointer…).
 * - `gzip`: the bytes are gzip-compressed where raw IDX was expected, or the
 *   gzip stream is corrupt, truncated or larger than allowed.
 * - `truncated` / `too-long`: the byte count differs from the header's.
 * - `count-mismatch`: image and label files disagree on the example count.
 * - `label-range`: a label is not below the class count.
 * - `bad-dimensions`: wrong number of dimensions, zero-sized images, or
 *   training and test images of different sizes.
 * - `not-found` / `not-a-file` / `not-a-folder`: a file or folder is missing
 *   or of the wrong kind.
 * - `ambiguous`: a folder holds several EMNIST splits and none was named.
 * - `network`: a request failed or answered with an HTTP error status.
 */
export type IdxErrorCode =
  | 'empty'
  | 'too-short'
  | 'bad-magic'
  | 'little-endian'
  | 'unsupported-type'
  | 'html'
  | 'text'
  | 'gzip'
  | 'truncated'
  | 'too-long'
  | 'count-mismatch'
  | 'label-range'
  | 'bad-dimensions'
  | 'not-found'
  | 'not-a-file'
  | 'not-a-folder'
  | 'ambiguous'
  | 'network';

/**
 * Error thrown for unreadable or inconsistent IDX data. The message starts
 * with the source (a file name, a URL or `'bytes'`) and states the value
 * found and the value expected.
 *
 * @example
 * try {
 *   parseIdxImages(bytes, 'train-images-idx3-ubyte');
 * } catch (error) {
 *   if (error instanceof IdxError && error.code === 'truncated') {
 *     // download the file again
 *   }
 * }
 */
export class IdxError extends Error {
  /** Machine-readable cause; see {@link IdxErrorCode}. */
  readonly code: IdxErrorCode;
  /** The file name, URL or `'bytes'` the error is about. */
  readonly source: string;

  /**
   * @param code - the cause.
   * @param source - file name, URL or `'bytes'`; prefixed to the message.
   * @param detail - what was found and what was expected.
   */
  constructor(code: IdxErrorCode, source: string, detail: string) {
    super(`${source}: ${detail}`);
    this.name = 'IdxError';
    this.code = code;
    this.source = source;
  }
}
