import { describe, expect, it } from 'vitest';

import { type EpochRow, METRIC_COLUMNS } from './rows.js';

describe('METRIC_COLUMNS', () => {
  it('names every EpochRow field once, in the documented order', () => {
    const row: EpochRow = {
      activation: 'relu',
      batchNorm: false,
      seed: 1,
      epoch: 1,
      trainLoss: 0.3,
      trainAccuracy: 0.9,
      validationAccuracy: 0.9,
      testAccuracy: 0.9,
      seconds: 1,
    };

    expect([...METRIC_COLUMNS]).toEqual(Object.keys(row));
    expect(new Set(METRIC_COLUMNS).size).toBe(METRIC_COLUMNS.length);
  });
});
