import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  centralDifference,
  expectClose,
  useBackend,
  values,
} from '../../../tooling/test-utils/tensors.js';
import { elu, eluForward } from './elu.js';
import { expectGradientsMatchFiniteDifferences } from './test-utils/gradient-check.js';

describe('elu', () => {
  beforeAll(() => useBackend('wasm'));

  it('has gradient [e^-1, 1] = [0.367879, 1] at x = [-1, 0.5] on wasm (case P13)', () => {
    const x = tf.tensor1d([-1, 0.5]);
    expectClose(values(tf.grad((t) => elu(t))(x)), [Math.exp(-1), 1]);
    expectClose(values(elu(x)), [Math.exp(-1) - 1, 0.5]);
  });

  it('takes α at x = 0; a central difference across the kink gives (1 + α)/2 (case P09)', () => {
    const x = tf.tensor1d([0]);
    const alpha = 14.5;
    expectClose(values(eluForward(x, alpha).dydx), [alpha]);
    // (f(h) − f(−h)) / 2h = (h + α(1 − e^−h)) / 2h → (1 + α)/2 = 7.75 as h → 0.
    expectClose(
      centralDifference((t) => elu(t, alpha), x, 1e-3),
      [7.75],
      1e-3,
    );
  });

  it('matches central differences away from the kink for α = 1, 2.5 and −0.5 on every rank', () => {
    for (const alpha of [1, 2.5, -0.5]) {
      expectGradientsMatchFiniteDifferences((t) => elu(t, alpha), `elu α = ${alpha}`);
    }
  });

  it('does not overflow for large positive inputs', () => {
    const { y, dydx } = eluForward(tf.tensor1d([100, -100]));
    expectClose(values(y), [100, -1]);
    expectClose(values(dydx), [1, 0]);
    expect(values(y).every(Number.isFinite)).toBe(true);
  });
});
