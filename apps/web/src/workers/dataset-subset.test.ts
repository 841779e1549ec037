import type { Dataset, Split } from '@rrelu/data-mnist';
import { describe, expect, it } from 'vitest';
import { withTrainSize } from './dataset-subset.js';

function split(name: Split['name'], count: number): Split {
  const pixels = Uint8Array.from({ length: count * 4 }, (_, i) => i % 256);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { name, count, rows: 2, cols: 2, pixels, labels };
}

const dataset: Dataset = {
  name: 'mnist',
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  train: split('train', 50),
  validation: split('validation', 5),
  test: split('test', 7),
  source: 'bytes',
};

describe('withTrainSize', () => {
  it('keeps the first examples as views and leaves the other splits alone', () => {
    const small = withTrainSize(dataset, 12);
    expect(small.train.count).toBe(12);
    expect(small.train.pixels.length).toBe(48);
    expect(small.train.labels.length).toBe(12);
    expect(small.train.pixels.buffer).toBe(dataset.train.pixels.buffer);
    expect(small.validation).toBe(dataset.validation);
    expect(small.test).toBe(dataset.test);
  });

  it('rejects sizes it cannot honour, naming the value', () => {
    expect(() => withTrainSize(dataset, 0)).toThrow('got 0');
    expect(() => withTrainSize(dataset, 51)).toThrow('holds 50 examples');
  });
});
