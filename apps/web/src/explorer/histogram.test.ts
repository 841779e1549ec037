import { describe, expect, it } from 'vitest';
import { histogram, linspace, meanOf } from './histogram.js';

describe('histogram', () => {
  it('bins values, the maximum in the last bin, outsiders dropped', () => {
    const h = histogram([0, 0.1, 0.5, 0.99, 1, 2, -1], 0, 1, 2);
    expect(h.edges).toEqual([0, 0.5, 1]);
    expect(h.counts).toEqual([2, 3]);
  });

  it('rejects a bad bin count', () => {
    expect(() => histogram([], 0, 1, 0)).toThrow('got 0');
  });
});

describe('linspace and meanOf', () => {
  it('includes both ends', () => {
    expect(linspace(-1, 1, 5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(meanOf([1, 2, 3])).toBe(2);
    expect(meanOf([])).toBeNaN();
  });
});
