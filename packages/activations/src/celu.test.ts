import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { celu, celuForward, createCelu } from './celu.js';
import { eluForward } from './elu.js';
import { expectGradientsMatchFiniteDifferences } from './test-utils/gradient-check.js';

describe('celu', () => {
  beforeAll(() => useBackend('wasm'));

  it('gives α·(e^(x/α) − 1) for x ≤ 0 and x above, derivative e^(x/α) and 1 (α = 2)', () => {
    const x = tf.tensor1d([-3, -1, 2]);
    const { y, dydx } = celuForward(x, 2);
    expect(y.shape).toEqual([3]);
    expect(y.dtype).toBe('float32');
    // Hand derivation from Barron's definition.
    expectClose(values(y), [2 * (Math.exp(-1.5) - 1), 2 * (Math.exp(-0.5) - 1), 2]);
    expectClose(values(dydx), [Math.exp(-1.5), Math.exp(-0.5), 1]);
  });

  it('equals ELU for α = 1 (Barron 2017, eq. 2)', () => {
    const x = tf.linspace(-4, 4, 17);
    expectClose(values(celuForward(x, 1).y), values(eluForward(x, 1).y));
  });

  it('has derivative 1 at x = 0 from both sides, for any α: no convention needed', () => {
    for (const alpha of [0.5, 1, 3, -1]) {
      expectClose(values(tf.grad((t) => celu(t, alpha))(tf.tensor1d([0]))), [1]);
      // Central difference across 0: (h + α(1 − e^(−h/α)))/2h → (1 + 1)/2 = 1.
      const h = 1e-3;
      const up = values(celu(tf.tensor1d([h]), alpha))[0]!;
      const down = values(celu(tf.tensor1d([-h]), alpha))[0]!;
      expectClose((up - down) / (2 * h), 1, 1e-3);
    }
  });

  it('matches central differences away from 0 for α = 1, 0.5, 2 and −1 on every rank', () => {
    for (const alpha of [1, 0.5, 2, -1]) {
      expectGradientsMatchFiniteDifferences((t) => celu(t, alpha), `celu α = ${alpha}`);
    }
  });

  it('for negative α follows the formula: α = −1 at x = −1 gives −(e − 1)', () => {
    // α(e^(x/α) − 1) = −(e¹ − 1) = −1.7182818; derivative e^(x/α) = e.
    const { y, dydx } = celuForward(tf.tensor1d([-1]), -1);
    expectClose(values(y), [-(Math.E - 1)]);
    expectClose(values(dydx), [Math.E]);
  });

  it('saturates at −α for large negative x and does not overflow for α > 0', () => {
    const { y, dydx } = celuForward(tf.tensor1d([-1000, 1000]), 2);
    expectClose(values(y), [-2, 1000]);
    expectClose(values(dydx), [0, 1]);
  });

  it('refuses α = 0 and non-finite α, naming the option and the value', () => {
    expect(() => createCelu(0)).toThrow(/celu: alpha must be ≠ 0 \(x\/α is taken\), got 0/);
    expect(() => celuForward(tf.scalar(1), Number.NaN)).toThrow(
      /celu: alpha must be a finite number, got NaN/,
    );
    expect(createCelu().config).toEqual({ alpha: 1 });
  });
});
