import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { createGelu, gelu, geluForward } from './gelu.js';
import { expectGradientsMatchFiniteDifferences } from './test-utils/gradient-check.js';

// Published standard normal values (Abramowitz & Stegun, table 26.1; any statistics table):
// Φ(−3), Φ(−1), Φ(1), Φ(2) and the density φ(x) = e^(−x²/2)/√(2π).
const PHI = { m3: 0.0013498980316301, m1: 0.15865525393145707, p1: 0.8413447460685429 };
const PHI_2 = 0.9772498680518208;
const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** Hendrycks & Gimpel's tanh formula as written, the reference for `approximate: 'tanh'`. */
const tanhGelu = (x: number) =>
  0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));

describe('gelu', () => {
  beforeAll(() => useBackend('wasm'));

  it('exact form: y = x·Φ(x) and dy/dx = Φ(x) + x·φ(x) at published Φ values', () => {
    const x = tf.tensor1d([-3, -1, 0, 1, 2]);
    const { y, dydx } = geluForward(x);
    expect(y.shape).toEqual([5]);
    expect(y.dtype).toBe('float32');
    expectClose(values(y), [-3 * PHI.m3, -PHI.m1, 0, PHI.p1, 2 * PHI_2]);
    expectClose(values(dydx), [
      PHI.m3 - 3 * phi(-3),
      PHI.m1 - phi(-1),
      0.5,
      PHI.p1 + phi(1),
      PHI_2 + 2 * phi(2),
    ]);
  });

  it('tanh form: matches 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))) and its derivative', () => {
    const points = [-3, -1, -0.2, 0, 0.7, 2];
    const { y, dydx } = geluForward(tf.tensor1d(points), { approximate: 'tanh' });
    expectClose(values(y), points.map(tanhGelu));
    // Reference derivative: central difference of the double-precision formula, h = 1e-5
    // (truncation h²·|f'''|/6 < 1e-10).
    const h = 1e-5;
    expectClose(
      values(dydx),
      points.map((p) => (tanhGelu(p + h) - tanhGelu(p - h)) / (2 * h)),
    );
  });

  it('is smooth at 0: derivative 1/2 in both forms', () => {
    for (const approximate of ['none', 'tanh'] as const) {
      expectClose(values(tf.grad((t) => gelu(t, { approximate }))(tf.tensor1d([0]))), [0.5]);
    }
  });

  it('matches central differences on scalar, 1-D, 2-D and 4-D inputs in both forms', () => {
    expectGradientsMatchFiniteDifferences((t) => gelu(t), 'gelu');
    expectGradientsMatchFiniteDifferences((t) => gelu(t, { approximate: 'tanh' }), 'gelu tanh');
  });

  it('keeps relative precision in the negative tail, where 1 + erf(x/√2) cancels', () => {
    // GELU(−5) = −5·Φ(−5) = −1.4332579e-6 (Φ(−5) = 2.8665157e-7, published). float32 has
    // 24 bits, so a relative error below 1e-5 is only reachable without cancellation.
    const exact = -5 * 2.866515718791939e-7;
    const [got] = values(geluForward(tf.tensor1d([-5])).y);
    expect(Math.abs((got as number) / exact - 1)).toBeLessThan(1e-5);
  });

  it('is x for large x and 0 for large −x, with finite derivatives', () => {
    for (const approximate of ['none', 'tanh'] as const) {
      const { y, dydx } = geluForward(tf.tensor1d([-100, 100]), { approximate });
      expectClose(values(y), [0, 100]);
      expectClose(values(dydx), [0, 1]);
    }
  });

  it('refuses an unknown approximation, naming it', () => {
    expect(() => createGelu({ approximate: 'erf' as 'none' })).toThrow(
      /gelu: approximate must be one of none, tanh, got "erf"/,
    );
    expect(createGelu().config).toEqual({ approximate: 'none' });
  });
});
