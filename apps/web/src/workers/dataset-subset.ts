import type { Dataset, Split } from '@rrelu/data-mnist';

/**
 * The dataset with only the first `trainSize` training examples, the same
 * examples `fetchDataset(url, { trainSize })` keeps, without downloading and
 * parsing the files again. Views, not copies.
 */
export function withTrainSize(dataset: Dataset, trainSize: number): Dataset {
  if (!Number.isSafeInteger(trainSize) || trainSize < 1) {
    throw new RangeError(`trainSize must be a whole number ≥ 1, got ${trainSize}`);
  }
  if (trainSize > dataset.train.count) {
    throw new RangeError(
      `trainSize is ${trainSize}, but the training split holds ${dataset.train.count} examples`,
    );
  }
  return { ...dataset, train: firstExamples(dataset.train, trainSize) };
}

function firstExamples(split: Split, count: number): Split {
  const size = split.rows * split.cols;
  return {
    ...split,
    count,
    pixels: split.pixels.subarray(0, count * size),
    labels: split.labels.subarray(0, count),
  };
}
