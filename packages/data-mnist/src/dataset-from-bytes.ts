import { DEFAULT_DATASET_NAME, resolveClassNames } from './class-names.js';
import {
  DEFAULT_VALIDATION_SIZE,
  type Dataset,
  type LoadOptions,
  type Split,
  type SplitName,
} from './dataset.js';
import { IdxError } from './idx-error.js';
import { FILE_ROLES, type IdxFileRole, verifyDigests } from './known-digests.js';
import { maybeGunzip } from './maybe-gunzip.js';
import { type IdxImages, parseIdxImages } from './parse-idx-images.js';
import { type IdxLabels, parseIdxLabels } from './parse-idx-labels.js';
import { type Sha256, subtleSha256 } from './sha256.js';

/** The four IDX files of a dataset, raw or gzip-compressed. */
export interface IdxFileBytes {
  /** Training images (magic 2051). */
  trainImages: Uint8Array;
  /** Training labels (magic 2049). */
  trainLabels: Uint8Array;
  /** Test images (magic 2051). */
  testImages: Uint8Array;
  /** Test labels (magic 2049). */
  testLabels: Uint8Array;
}

/**
 * Builds a dataset from the bytes of its four IDX files, each raw or
 * gzip-compressed (detected from the bytes). Browser-safe: no Node APIs.
 *
 * The first `validationSize` training examples (default 5000) become the
 * validation split and the rest the training split, so MNIST gives
 * 55,000 / 5,000 / 10,000. Pixels stay uint8 views into the given bytes
 * (after decompression), never float copies. In error messages the files
 * are named `trainImages`, `trainLabels`, `testImages`, `testLabels`.
 *
 * @param files - the four files.
 * @param options - split sizes, name, class names, checksum; `dataDir` is
 *   refused here (it belongs to loadMnist).
 * @returns the dataset with `source: 'bytes'`.
 * @throws {@link IdxError} for malformed or inconsistent files;
 *   `RangeError` for invalid options.
 *
 * @example
 * const mnist = await datasetFromBytes({ trainImages, trainLabels, testImages, testLabels });
 * mnist.train.count; // 55000
 */
export async function datasetFromBytes(
  files: IdxFileBytes,
  options: LoadOptions = {},
): Promise<Dataset> {
  if (options.dataDir !== undefined) {
    throw new RangeError('datasetFromBytes takes the bytes themselves; dataDir is for loadMnist');
  }

  const named = {
    trainImages: { name: 'trainImages', bytes: files.trainImages },
    trainLabels: { name: 'trainLabels', bytes: files.trainLabels },
    testImages: { name: 'testImages', bytes: files.testImages },
    testLabels: { name: 'testLabels', bytes: files.testLabels },
  };
  return assembleDataset(named, options, { source: 'bytes', sha256: subtleSha256 });
}

/** One file's bytes and the name used for it in messages and digests. */
export interface NamedFile {
  /** File name or URL. */
  name: string;
  /** Raw or gzip-compressed IDX bytes. */
  bytes: Uint8Array;
}

/** Where the files came from and how to hash them. */
export interface AssemblyContext {
  /** Dataset source to report. */
  source: string;
  /** Digest function used when `options.checksum` is set. */
  sha256: Sha256;
  /** Name to use when `options.name` is absent; default 'mnist'. */
  defaultName?: string;
}

/**
 * Shared core of every loader: checks options, decompresses, parses and
 * cross-checks the four files, then cuts the splits.
 */
export async function assembleDataset(
  files: Readonly<Record<IdxFileRole, NamedFile>>,
  options: LoadOptions,
  context: AssemblyContext,
): Promise<Dataset> {
  const validationSize = optionalCount(options.validationSize, 'validationSize');
  const trainSize = optionalCount(options.trainSize, 'trainSize');
  const testSize = optionalCount(options.testSize, 'testSize');
  const name = options.name ?? context.defaultName ?? DEFAULT_DATASET_NAME;
  const classNames = resolveClassNames(name, options.classNames);

  const raw = await decompressAll(files);

  const trainImages = parseIdxImages(raw.trainImages, files.trainImages.name);
  const trainLabels = parseIdxLabels(raw.trainLabels, files.trainLabels.name, classNames.length);
  checkCounts(trainImages, trainLabels, files.trainImages.name, files.trainLabels.name);
  const testImages = parseIdxImages(raw.testImages, files.testImages.name);
  const testLabels = parseIdxLabels(raw.testLabels, files.testLabels.name, classNames.length);
  checkCounts(testImages, testLabels, files.testImages.name, files.testLabels.name);
  checkImageSizes(trainImages, testImages, files.trainImages.name, files.testImages.name);

  const validationCount = validationSize ?? DEFAULT_VALIDATION_SIZE;
  const validationOption =
    validationSize === undefined ? 'validationSize (default)' : 'validationSize';
  checkAtMost(validationCount, trainImages.count, validationOption, files.trainImages.name);
  const remaining = trainImages.count - validationCount;
  const trainCount = trainSize ?? remaining;
  checkAtMost(trainCount, remaining, 'trainSize', `${files.trainImages.name} after validation`);
  const testCount = testSize ?? testImages.count;
  checkAtMost(testCount, testImages.count, 'testSize', files.testImages.name);

  // TODO: EMNIST stores each image transposed relative to MNIST (Cohen et al. 2017); images
  // are returned as stored, not transposed back.
  const dataset: Dataset = {
    name,
    classNames,
    train: makeSplit('train', trainImages, trainLabels, validationCount, trainCount),
    validation: makeSplit('validation', trainImages, trainLabels, 0, validationCount),
    test: makeSplit('test', testImages, testLabels, 0, testCount),
    source: context.source,
  };
  if (options.checksum === true) {
    const digests = await digestAll(raw, context.sha256);
    const named = FILE_ROLES.map((role) => [files[role].name, digests[role]]);
    dataset.sha256 = Object.fromEntries(named);
    const verified = verifyDigests(name, digests);
    if (verified !== undefined) {
      dataset.verified = verified;
    }
  }
  return dataset;
}

async function decompressAll(
  files: Readonly<Record<IdxFileRole, NamedFile>>,
): Promise<Record<IdxFileRole, Uint8Array>> {
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    FILE_ROLES.map((role) => maybeGunzip(files[role].bytes, files[role].name)),
  );
  return {
    trainImages: trainImages!,
    trainLabels: trainLabels!,
    testImages: testImages!,
    testLabels: testLabels!,
  };
}

async function digestAll(
  raw: Readonly<Record<IdxFileRole, Uint8Array>>,
  sha256: Sha256,
): Promise<Record<IdxFileRole, string>> {
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    FILE_ROLES.map((role) => sha256(raw[role])),
  );
  return {
    trainImages: trainImages!,
    trainLabels: trainLabels!,
    testImages: testImages!,
    testLabels: testLabels!,
  };
}

function checkCounts(
  images: IdxImages,
  labels: IdxLabels,
  imageSource: string,
  labelSource: string,
): void {
  if (images.count !== labels.count) {
    throw new IdxError(
      'count-mismatch',
      imageSource,
      `holds ${images.count} images but ${labelSource} holds ${labels.count} labels; ` +
        'expected one label per image',
    );
  }
}

function checkImageSizes(
  train: IdxImages,
  test: IdxImages,
  trainSource: string,
  testSource: string,
): void {
  if (train.rows !== test.rows || train.cols !== test.cols) {
    throw new IdxError(
      'bad-dimensions',
      testSource,
      `images are ${test.rows} × ${test.cols}, expected ${train.rows} × ${train.cols} ` +
        `like those of ${trainSource}`,
    );
  }
}

function optionalCount(value: number | undefined, option: string): number | undefined {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
    throw new RangeError(`${option} must be a non-negative integer, got ${value}`);
  }
  return value;
}

function checkAtMost(value: number, limit: number, option: string, what: string): void {
  if (value > limit) {
    throw new RangeError(`${option} is ${value}, but ${what} holds only ${limit} examples`);
  }
}

function makeSplit(
  name: SplitName,
  images: IdxImages,
  labels: IdxLabels,
  start: number,
  count: number,
): Split {
  const size = images.rows * images.cols;
  return {
    name,
    count,
    rows: images.rows,
    cols: images.cols,
    pixels: images.pixels.subarray(start * size, (start + count) * size), // [count, rows, cols]
    labels: labels.labels.subarray(start, start + count), // [count]
  };
}
