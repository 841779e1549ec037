import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { expect } from 'vitest';

/** Backends the tests run on; wasm (SIMD) is the product's default. */
export type TestBackend = 'wasm' | 'cpu';

/** Selects and initialises a backend for the tests that follow. */
export async function useBackend(name: TestBackend = 'wasm'): Promise<void> {
  await tf.setBackend(name);
  await tf.ready();
}

/** Default closeness for float32 results: 1e-6 absolute plus 1e-6 relative. */
export const FLOAT32_EPSILON = 1e-6;

/**
 * The suite's one closeness check: |actual − expected| ≤ ε·(1 + |expected|)
 * elementwise, after checking the lengths agree. Non-finite values must match
 * exactly (NaN with NaN, Infinity with Infinity).
 */
export function expectClose(
  actual: ArrayLike<number> | number,
  expected: ArrayLike<number> | number,
  epsilon = FLOAT32_EPSILON,
): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const e = typeof expected === 'number' ? [expected] : Array.from(expected);
  expect(a.length, 'length').toBe(e.length);
  e.forEach((want, i) => {
    const got = a[i] as number;
    if (!Number.isFinite(want)) {
      expect(got, `index ${i}`).toBe(want);
      return;
    }
    const tolerance = epsilon * (1 + Math.abs(want));
    if (!(Math.abs(got - want) <= tolerance)) {
      expect.fail(`index ${i}: got ${got}, expected ${want} ± ${tolerance}`);
    }
  });
}

/** Reads a tensor's values as a plain array (float32 values widened to numbers). */
export function values(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}

/**
 * Central finite difference of sum(f(x)) with respect to each element of x:
 * (f(x + h) − f(x − h)) / 2h, computed elementwise because every activation
 * here acts elementwise. Inputs should sit away from kinks by more than h.
 */
export function centralDifference(
  f: (x: tf.Tensor) => tf.Tensor,
  x: tf.Tensor,
  h = 1e-2,
): number[] {
  return tf.tidy(() => {
    const up = f(tf.add(x, h)).dataSync();
    const down = f(tf.sub(x, h)).dataSync();
    return Array.from(up, (u, i) => (u - (down[i] as number)) / (2 * h));
  });
}

/**
 * Runs `fn` in a tfjs scope and returns its plain (non-tensor) result; every
 * tensor created inside is disposed, as with `tf.tidy`, which only returns tensors.
 */
export function scoped<T>(fn: () => T): T {
  tf.engine().startScope();
  try {
    return fn();
  } finally {
    tf.engine().endScope();
  }
}
