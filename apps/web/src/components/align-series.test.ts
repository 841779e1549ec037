import { describe, expect, it } from 'vitest';
import { alignSeries } from './align-series.js';

describe('alignSeries', () => {
  it('merges x values and leaves gaps as null', () => {
    const aligned = alignSeries([
      { label: 'a', xs: [1, 3], ys: [10, 30] },
      { label: 'b', xs: [2, 3], ys: [20, 31] },
    ]);
    expect(aligned).toEqual([
      [1, 2, 3],
      [10, null, 30],
      [null, 20, 31],
    ]);
  });
});
