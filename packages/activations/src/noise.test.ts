import { describe, expect, it } from 'vitest';
import { mix32, NoiseStream } from './noise.js';

describe('NoiseStream', () => {
  it('is a pure function of seed, name, step and index', () => {
    const a = new NoiseStream({ seed: 9, name: 'x' });
    const first = a.next(5);
    const second = a.next(5);
    expect(a.step).toBe(2);
    expect(new NoiseStream({ seed: 9, name: 'x' }).at(1, 5)).toEqual(second);
    expect(first).not.toEqual(second);
    expect(new NoiseStream({ seed: 9, name: 'y' }).at(0, 5)).not.toEqual(first);
    expect(new NoiseStream({ seed: 10, name: 'x' }).at(0, 5)).not.toEqual(first);
  });

  it('draws uniformly in [0, 1): mean 1/2 and variance 1/12 over 10^6 draws', () => {
    const draws = new NoiseStream({ seed: 1, name: 'u' }).next(1_000_000);
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    for (const u of draws) {
      sum += u;
      sumSq += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    const mean = sum / draws.length;
    // Standard error of the mean of U(0,1) over 10^6 draws: sqrt(1/12)/1000 ≈ 2.9e-4.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * 2.9e-4);
    expect(Math.abs(sumSq / draws.length - mean * mean - 1 / 12)).toBeLessThan(1e-3);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });

  it('mixes with a bijection: distinct inputs give distinct outputs', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(mix32(i));
    expect(seen.size).toBe(100_000);
  });

  it('refuses a seed that is not a safe integer', () => {
    expect(() => new NoiseStream({ seed: 1.5, name: 'x' })).toThrow(
      /seed must be a safe integer, got 1.5/,
    );
  });
});

describe('NoiseStream input checks', () => {
  it('names a missing name, a negative step and a negative count', () => {
    const nameless: unknown = { seed: 1 };
    expect(() => new NoiseStream(nameless as { seed: number; name: string })).toThrow(
      /name must be a string \(the layer's name\), got undefined/,
    );
    const stream = new NoiseStream({ seed: 1, name: 'x' });
    expect(() => stream.next(-1)).toThrow(/count must be a whole number ≥ 0, got -1/);
    expect(() => stream.at(-1, 3)).toThrow(/step must be a whole number ≥ 0, got -1/);
  });
});
