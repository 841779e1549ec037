/** The name of a split of a dataset. */
export type SplitName = 'train' | 'validation' | 'test';

/**
 * A contiguous run of examples: images as uint8 pixels and their labels.
 * `pixels` and `labels` are views into the file bytes, not copies.
 */
export interface Split {
  /** Which split this is. */
  name: SplitName;
  /** Number of examples. */
  count: number;
  /** Image height in pixels. */
  rows: number;
  /** Image width in pixels. */
  cols: number;
  /** Pixels 0–255, row-major, example after example: shape [count, rows, cols]. */
  pixels: Uint8Array;
  /** Class index of each example: shape [count]. */
  labels: Uint8Array;
}

/** A dataset in the MNIST layout: training, validation and test splits. */
export interface Dataset {
  /** Dataset name, e.g. `'mnist'`, `'fashion-mnist'`, `'emnist-letters'`. */
  name: string;
  /** Class name of each label value; `classNames.length` is the class count. */
  classNames: readonly string[];
  /** Training examples: the training file after the validation examples. */
  train: Split;
  /** The first `validationSize` examples of the training file. */
  validation: Split;
  /** The test file's examples (the first `testSize`, if given). */
  test: Split;
  /**
   * SHA-256 (lower-case hex) of each file's IDX bytes after decompression,
   * keyed by file name or URL; present when `checksum` was requested.
   */
  sha256?: Record<string, string>;
  /**
   * With `checksum`: true when all four digests equal the known digests of
   * this dataset (known for `'mnist'`), false when they differ, absent when
   * no reference digests are known.
   */
  verified?: boolean;
  /** `'embedded'`, the folder path, the base URL, or `'bytes'`. */
  source: string;
}

/** Options shared by every loader. */
export interface LoadOptions {
  /** Folder holding the four IDX files (Node only); default: the embedded MNIST copy. */
  dataDir?: string;
  /** Examples taken from the start of the training file for validation; default 5000, 0 allowed. */
  validationSize?: number;
  /** Keep only the first N training examples after the validation ones; default all. */
  trainSize?: number;
  /** Keep only the first N test examples; default all. */
  testSize?: number;
  /** Dataset name, choosing class names and, in folders, EMNIST file names; default 'mnist'. */
  name?: string;
  /** Class names by label; needed for dataset names this package does not know. */
  classNames?: readonly string[];
  /** Compute the SHA-256 of every file and compare with known digests; default false. */
  checksum?: boolean;
}

/** Default number of validation examples, the MNIST convention (55,000 / 5,000 / 10,000). */
export const DEFAULT_VALIDATION_SIZE = 5000;
