import { describe, expect, it } from 'vitest';

import { logGamma, regularizedIncompleteBeta } from './incomplete-beta.js';

/** Closeness used throughout: absolute difference below 1e-12. */
const EPSILON = 1e-12;

describe('logGamma', () => {
  it('matches ln((x − 1)!) at integers and ln √π at ½', () => {
    // Γ(n) = (n − 1)! and Γ(½) = √π (definition of Γ).
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 11);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  it('rejects arguments ≤ 0', () => {
    expect(() => logGamma(0)).toThrow(/x > 0, got 0/);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches the closed forms I_x(a, 1) = xᵃ and I_x(1, b) = 1 − (1 − x)ᵇ', () => {
    // Both follow from integrating the Beta density when one shape is 1.
    for (const x of [0.05, 0.3, 0.5, 0.77, 0.99]) {
      expect(Math.abs(regularizedIncompleteBeta(x, 3.5, 1) - x ** 3.5)).toBeLessThan(EPSILON);
      expect(Math.abs(regularizedIncompleteBeta(x, 1, 2.5) - (1 - (1 - x) ** 2.5))).toBeLessThan(
        EPSILON,
      );
    }
  });

  it('matches the binomial sum for integer shapes, on both sides of the switch point', () => {
    // For integers, I_x(a, b) = Σ_{j=a}^{a+b−1} C(a+b−1, j) xʲ (1 − x)^(a+b−1−j),
    // the probability of at least a successes in a + b − 1 Bernoulli(x) trials.
    // I_x(2, 3) = 6x²(1−x)² + 4x³(1−x) + x⁴.
    const expected = (x: number) => 6 * x ** 2 * (1 - x) ** 2 + 4 * x ** 3 * (1 - x) + x ** 4;
    for (const x of [0.1, 0.3, 0.5, 0.8, 0.95]) {
      expect(Math.abs(regularizedIncompleteBeta(x, 2, 3) - expected(x))).toBeLessThan(EPSILON);
    }
  });

  it('returns the end points exactly and rejects bad arguments', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedIncompleteBeta(1.5, 2, 3)).toThrow(/x in \[0, 1\], got 1.5/);
    expect(() => regularizedIncompleteBeta(0.5, 0, 3)).toThrow(/a = 0, b = 3/);
  });
});
