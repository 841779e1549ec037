import { describe, expect, it } from 'vitest';

import { studentTCdf, studentTQuantile, studentTTwoSidedP } from './student-t.js';

/** Closeness for closed forms: absolute difference below 1e-12. */
const EPSILON = 1e-12;

describe('studentTQuantile', () => {
  it('matches published two-sided 95 % critical values t(0.975, df)', () => {
    // NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.2,
    // "Critical Values of the Student's t Distribution", column 0.975 (3 decimals).
    const published: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [4, 2.776],
      [9, 2.262],
      [30, 2.042],
      [100, 1.984],
    ];
    for (const [df, value] of published) {
      expect(studentTQuantile(0.975, df)).toBeCloseTo(value, 3);
    }
  });

  it('matches the closed forms for df = 1 (Cauchy) and df = 2', () => {
    // df = 1: F(t) = ½ + atan(t)/π, so t_p = tan(π (p − ½)).
    // df = 2: F(t) = ½ + t / (2 √(2 + t²)), so t_p = (2p − 1) √(2 / (1 − (2p − 1)²)).
    for (const p of [0.6, 0.9, 0.975, 0.995]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      const u = 2 * p - 1;
      expect(studentTQuantile(p, 2)).toBeCloseTo(u * Math.sqrt(2 / (1 - u * u)), 9);
    }
  });

  it('is antisymmetric about p = ½ and rejects p outside (0, 1)', () => {
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-studentTQuantile(0.975, 5), 12);
    expect(() => studentTQuantile(1, 5)).toThrow(/p in \(0, 1\), got 1/);
    expect(() => studentTQuantile(0.9, 0)).toThrow(/degrees of freedom > 0, got 0/);
  });
});

describe('studentTCdf', () => {
  it('matches the closed forms for df = 1 and df = 2', () => {
    for (const t of [-30, -2.5, -0.4, 0, 0.7, 3, 50]) {
      const cauchy = 0.5 + Math.atan(t) / Math.PI;
      const dfTwo = 0.5 + t / (2 * Math.sqrt(2 + t * t));
      expect(Math.abs(studentTCdf(t, 1) - cauchy)).toBeLessThan(EPSILON);
      expect(Math.abs(studentTCdf(t, 2) - dfTwo)).toBeLessThan(EPSILON);
    }
  });

  it('tends to the normal CDF for large df', () => {
    // Φ(1.959963984540054) = 0.975 (standard normal quantile).
    expect(studentTCdf(1.959963984540054, 1e7)).toBeCloseTo(0.975, 6);
  });

  it('handles infinite arguments', () => {
    expect(studentTCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 3)).toBe(0);
  });
});

describe('studentTTwoSidedP', () => {
  it('gives 0.05 at the published critical values and keeps tiny tails', () => {
    // Same NIST table as above: P(|T| ≥ 2.262) = 0.05 for df = 9.
    expect(studentTTwoSidedP(2.262, 9)).toBeCloseTo(0.05, 4);
    expect(studentTTwoSidedP(-2.262, 9)).toBeCloseTo(0.05, 4);
    // df = 1: P(|T| ≥ t) = 1 − 2 atan(t)/π = 2 atan(1/t)/π, ≈ 6.4e-9 at t = 1e8.
    expect(studentTTwoSidedP(1e8, 1) / ((2 * Math.atan(1e-8)) / Math.PI)).toBeCloseTo(1, 9);
    expect(studentTTwoSidedP(Number.POSITIVE_INFINITY, 4)).toBe(0);
  });
});
