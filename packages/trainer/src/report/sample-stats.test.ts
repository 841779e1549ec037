import { describe, expect, it } from 'vitest';

import { describeSample, mean, sampleVariance } from './sample-stats.js';

describe('describeSample', () => {
  it('matches a hand computation for [1, 2, 3]', () => {
    // Mean 2; squared deviations 1, 0, 1 sum to 2, over n − 1 = 2 gives variance 1, std 1;
    // ci95 = t(0.975, 2) · 1 / √3 = 4.302653 / 1.732051 = 2.484138 (t from NIST 1.3.6.7.2).
    const stats = describeSample([3, 1, 2]);

    expect(stats.n).toBe(3);
    expect(stats.mean).toBe(2);
    expect(stats.std).toBe(1);
    expect(stats.ci95).toBeCloseTo(2.484138, 6);
    expect(stats.min).toBe(1);
    expect(stats.max).toBe(3);
  });

  it('gives std 0 and no interval for a single value', () => {
    expect(describeSample([0.97])).toEqual({
      n: 1,
      mean: 0.97,
      std: 0,
      ci95: null,
      min: 0.97,
      max: 0.97,
    });
  });

  it('rejects an empty sample', () => {
    expect(() => describeSample([])).toThrow(/at least one value, got 0/);
    expect(() => mean([])).toThrow(/at least one value/);
    expect(() => sampleVariance([1])).toThrow(/at least 2 values, got 1/);
  });
});
