import type { Dataset, Split } from '@rrelu/data-mnist';

/**
 * How a run cuts MNIST, with the meanings of the CLI's `--validation-size`,
 * `--train-size` and `--test-size` (the `LoadOptions` of @rrelu/data-mnist).
 */
export interface SplitSizes {
  /** The first examples of the training file, held out for validation; ≥ 0 (MNIST: 5000). */
  validationSize: number;
  /** The training examples: the next ones after the validation examples; ≥ 1. */
  trainSize: number;
  /** The first examples of the test file; ≥ 1. */
  testSize: number;
}

/**
 * The dataset a run trains on, cut from `files` (loaded with
 * `validationSize: 0`, so that its training split is the whole training
 * file) exactly as `loadMnist(sizes)` cuts it in the CLI: validation first,
 * then training, then the start of the test file. Views, not copies, so one
 * download serves every run.
 *
 * @example
 * const files = await fetchDataset(url, { validationSize: 0 });
 * cutSplits(files, { validationSize: 1000, trainSize: 600, testSize: 2000 });
 */
export function cutSplits(files: Dataset, sizes: SplitSizes): Dataset {
  if (files.validation.count !== 0) {
    throw new RangeError(
      `cutSplits needs the whole training file (loaded with validationSize 0), got ${files.validation.count} validation examples already cut`,
    );
  }
  const { validationSize, trainSize, testSize } = sizes;
  wholeNumber('validationSize', validationSize, 0);
  wholeNumber('trainSize', trainSize, 1);
  wholeNumber('testSize', testSize, 1);
  if (validationSize + trainSize > files.train.count) {
    throw new RangeError(
      `validationSize + trainSize is ${validationSize} + ${trainSize}, but the training file holds ${files.train.count} examples`,
    );
  }
  if (testSize > files.test.count) {
    throw new RangeError(
      `testSize is ${testSize}, but the test file holds ${files.test.count} examples`,
    );
  }

  return {
    ...files,
    validation: examples(files.train, 'validation', 0, validationSize),
    train: examples(files.train, 'train', validationSize, trainSize),
    test: examples(files.test, 'test', 0, testSize),
  };
}

function examples(split: Split, name: Split['name'], start: number, count: number): Split {
  const size = split.rows * split.cols;
  return {
    ...split,
    name,
    count,
    pixels: split.pixels.subarray(start * size, (start + count) * size), // [count, rows, cols]
    labels: split.labels.subarray(start, start + count), // [count]
  };
}

function wholeNumber(key: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${key} must be a whole number ≥ ${min}, got ${value}`);
  }
}
