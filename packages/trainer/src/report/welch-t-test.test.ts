import { describe, expect, it } from 'vitest';

import { welchTTest } from './welch-t-test.js';

describe('welchTTest', () => {
  it("matches R's published Welch test on Student's sleep data", () => {
    // R documentation, ?t.test / ?sleep: `t.test(extra ~ group, data = sleep)` prints
    // "t = -1.8608, df = 17.776, p-value = 0.07939" (Cushny & Peebles data as given
    // by Student 1908, extra hours of sleep for drugs 1 and 2).
    const drugOne = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const drugTwo = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    const { t, df, p } = welchTTest(drugOne, drugTwo);

    expect(t).toBeCloseTo(-1.8608, 4);
    expect(df).toBeCloseTo(17.776, 3);
    expect(p).toBeCloseTo(0.07939, 5);
  });

  it('is symmetric in its samples apart from the sign of t', () => {
    const a = [0.981, 0.979, 0.983];
    const b = [0.975, 0.976, 0.972, 0.974];

    const forward = welchTTest(a, b);
    const backward = welchTTest(b, a);

    expect(backward.t).toBeCloseTo(-forward.t, 12);
    expect(backward.df).toBeCloseTo(forward.df, 12);
    expect(backward.p).toBeCloseTo(forward.p, 12);
  });

  it('handles samples without spread', () => {
    expect(welchTTest([1, 1], [1, 1])).toEqual({ t: 0, df: 2, p: 1 });
    expect(welchTTest([2, 2, 2], [1, 1])).toEqual({ t: Number.POSITIVE_INFINITY, df: 3, p: 0 });
  });

  it('rejects samples smaller than 2 and non-finite values', () => {
    expect(() => welchTTest([1], [1, 2])).toThrow(/at least 2 values per sample, got 1 and 2/);
    expect(() => welchTTest([1, Number.NaN], [1, 2])).toThrow(/finite values, got NaN/);
  });
});
