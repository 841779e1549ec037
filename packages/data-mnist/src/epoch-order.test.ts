import { describe, expect, it } from 'vitest';
import { epochOrder, initialState, mix32, splitMix32 } from './epoch-order.js';

/** An independent BigInt transcription of the mix32 formula documented in epoch-order.ts. */
function referenceMix32(value: number): number {
  const mask = 0xffffffffn;
  let x = BigInt(value >>> 0);
  x ^= x >> 16n;
  x = (x * 0x21f0aaadn) & mask;
  x ^= x >> 15n;
  x = (x * 0x735a2d97n) & mask;
  x ^= x >> 15n;
  return Number(x);
}

function isPermutation(order: Uint32Array): boolean {
  const seen = new Uint8Array(order.length);
  for (const index of order) {
    if (index >= order.length || seen[index] === 1) {
      return false;
    }
    seen[index] = 1;
  }
  return true;
}

describe('epochOrder', () => {
  it.each([0, 1, 2, 10, 1000, 55000])('is a permutation of %i indices', (count) => {
    const order = epochOrder(count, 42, 3);

    expect(order).toBeInstanceOf(Uint32Array);
    expect(order.length).toBe(count);
    expect(isPermutation(order)).toBe(true);
  });

  it('is deterministic: same count, seed and epoch give the same order', () => {
    expect(epochOrder(5000, 7, 11)).toEqual(epochOrder(5000, 7, 11));
  });

  it('changes with the epoch and with the seed', () => {
    const base = epochOrder(1000, 7, 0);

    expect(epochOrder(1000, 7, 1)).not.toEqual(base);
    expect(epochOrder(1000, 8, 0)).not.toEqual(base);
    expect(epochOrder(1000, 7 + 2 ** 32, 0)).not.toEqual(base);
    expect(epochOrder(1000, -7, 0)).not.toEqual(base);
  });

  it('draws every ordering of 3 items about equally often (chi-square, 5 dof)', () => {
    const tally = new Map<string, number>();
    const epochs = 6000;
    for (let epoch = 0; epoch < epochs; epoch += 1) {
      const key = epochOrder(3, 123, epoch).join('');
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }

    const expected = epochs / 6;
    let chiSquare = 0;
    for (const count of tally.values()) {
      chiSquare += (count - expected) ** 2 / expected;
    }
    expect(tally.size).toBe(6);
    // 20.52 is the 0.999 quantile of chi-square with 5 degrees of freedom (standard tables).
    expect(chiSquare).toBeLessThan(20.52);
  });

  it('uses the documented generator (BigInt reference transcription)', () => {
    for (const value of [0, 1, 0x9e3779b9, 0xffffffff, 123456789]) {
      expect(mix32(value)).toBe(referenceMix32(value));
    }

    const state = initialState(42, 0);
    const next = splitMix32(state);
    let reference = state;
    for (let step = 0; step < 5; step += 1) {
      reference = (reference + 0x9e3779b9) % 2 ** 32;
      expect(next()).toBe(referenceMix32(reference));
    }
  });

  it.each([
    [-1, 0, 0, /count/],
    [1.5, 0, 0, /count/],
    [10, 0.5, 0, /seed/],
    [10, 0, -1, /epoch/],
  ])('refuses count %d, seed %d, epoch %d', (count, seed, epoch, message) => {
    expect(() => epochOrder(count, seed, epoch)).toThrow(message);
  });
});
