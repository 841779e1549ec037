import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { centralDifference, expectClose, scoped } from '../../../../tooling/test-utils/tensors.js';
import { NoiseStream } from '../noise.js';

/** The input ranks every gradient check covers: scalar, 1-D, 2-D and 4-D. */
export const CHECK_SHAPES: readonly (readonly number[])[] = [[], [7], [3, 4], [2, 3, 2, 3]];

/** Finite-difference step of the checks. */
export const CHECK_STEP = 1e-2;

/** No input is closer than this to the kink at 0, so x ± h never crosses it. */
export const KINK_MARGIN = 5 * CHECK_STEP;

/**
 * Tolerance of analytic against central-difference gradients, ε in
 * |analytic − numeric| ≤ ε·(1 + |numeric|). With h = 1e-2 on 0.05 ≤ |x| ≤ 3
 * the truncation error h²·|f'''|/6, evaluated in double precision for every
 * smooth branch and option tested here, peaks at 8e-5·(1 + |f'|) (SiLU with
 * β = 4 near x = −0.3); float32 rounding of f(x ± h), a few ulps of |f| over
 * 2h, adds about 3e-5·(1 + |f'|). 1e-3 leaves a margin of ten.
 */
export const GRADIENT_TOLERANCE = 1e-3;

/**
 * A deterministic input of `shape` with values in ±[KINK_MARGIN, range], half
 * of them negative, drawn from a NoiseStream so every run sees the same numbers.
 */
export function inputAwayFromKink(shape: readonly number[], seed = 1, range = 3): tf.Tensor {
  const size = shape.reduce((product, side) => product * side, 1);
  const draws = new NoiseStream({ seed, name: 'gradient-check' }).at(0, 2 * size);

  const data = Array.from({ length: size }, (_, i) => {
    const magnitude = KINK_MARGIN + (range - KINK_MARGIN) * (draws[2 * i] as number);
    return (draws[2 * i + 1] as number) < 0.5 ? -magnitude : magnitude;
  });
  return tf.tensor(data, [...shape]);
}

/**
 * Checks `tf.grad(op)` against central finite differences of `op` on every
 * shape of {@link CHECK_SHAPES}: shape first, then values within
 * {@link GRADIENT_TOLERANCE}. `op` must be elementwise and deterministic
 * (RReLU in training mode: a stream recreated at the same step per call).
 */
export function expectGradientsMatchFiniteDifferences(
  op: (x: tf.Tensor) => tf.Tensor,
  label: string,
): void {
  for (const shape of CHECK_SHAPES) {
    scoped(() => {
      const x = inputAwayFromKink(shape);
      const analytic = tf.grad(op)(x);
      expect(analytic.shape, `${label}, shape [${shape}]`).toEqual([...shape]);

      const numeric = centralDifference(op, x, CHECK_STEP);
      try {
        expectClose(analytic.dataSync(), numeric, GRADIENT_TOLERANCE);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${label}, shape [${shape}]: ${reason}`);
      }
    });
  }
}
