import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, scoped, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { activationCurve } from './activation-curve.js';
import { ACTIVATION_NAMES, createActivation } from './registry.js';
import { VARIANTS, variantLabel } from './test-utils/variants.js';

/** −4 … 4 in steps of 1/4 with 0 included, plus large magnitudes. */
const XS = [-30, ...Array.from({ length: 33 }, (_, i) => (i - 16) / 4), 30];

describe('activationCurve', () => {
  beforeAll(() => useBackend('wasm'));

  it('covers every registry activation', () => {
    for (const name of ACTIVATION_NAMES) {
      const curve = activationCurve(name, {}, XS);
      expect([curve.y.length, curve.dydx.length]).toEqual([XS.length, XS.length]);
    }
  });

  it.each(VARIANTS.map((variant) => [variantLabel(variant), variant] as const))(
    '%s: equals the tensor op in evaluation mode (float32 within 1e-6)',
    (_label, { name, options }) => {
      const curve = activationCurve(name, options, XS);
      // Reference: the tensor forward, itself checked against published values and
      // finite differences in each activation's tests. PReLU at its initial slope.
      const [y, dydx] = scoped(() => {
        const activation = createActivation(name, options);
        const x = tf.tensor1d(XS);
        const alpha =
          activation.parameterShape([1]) === null
            ? undefined
            : tf.scalar(activation.initialParameter ?? 0);
        const forward = activation.forward(x, { training: false }, alpha);
        return [values(forward.y), values(forward.dydx)];
      });
      expectClose(curve.y, y ?? []);
      expectClose(curve.dydx, dydx ?? []);
    },
  );

  it.each(VARIANTS.map((variant) => [variantLabel(variant), variant] as const))(
    '%s: dy/dx is the central difference of y in double precision (h = 1e-6, x ≠ 0)',
    (_label, { name, options }) => {
      // Truncation h²·|f'''|/6 < 1e-10 and rounding 1e-16·|f|/h < 1e-8 at |x| ≤ 4;
      // 1e-6 covers both.
      const xs = XS.filter((x) => x !== 0 && Math.abs(x) <= 4);
      const h = 1e-6;
      const { y: up } = activationCurve(
        name,
        options,
        xs.map((x) => x + h),
      );
      const { y: down } = activationCurve(
        name,
        options,
        xs.map((x) => x - h),
      );
      const numeric = up.map((u, i) => (u - (down[i] as number)) / (2 * h));
      expectClose(activationCurve(name, options, xs).dydx, numeric, 1e-6);
    },
  );

  it('gives the public cases in plain numbers: torch RReLU (P01, P02), ELU on wasm (P13)', () => {
    const torch = activationCurve('rrelu', { preset: 'torch' }, [-100, -10, -0.5, 20, -2, 0, 3]);
    expectClose(torch.y, [-22.916667, -2.291667, -0.114583, 20, -0.458333, 0, 3], 1e-6);
    expectClose(torch.dydx.slice(4), [0.229167, 0.229167, 1], 1e-6);
    expectClose(activationCurve('elu', {}, [-1, 0.5]).dydx, [Math.exp(-1), 1]); // 0.367879, 1
    expectClose(activationCurve('relu', {}, [-1, 0, 2]).dydx, [0, 0, 1]);
  });

  it('uses published values for the smooth ones: GELU(1) = Φ(1), SiLU(1) = σ(1)', () => {
    // Φ(1) = 0.8413447460685429 (normal table); σ(1) = 1/(1 + e^−1) = 0.7310585786300049.
    expectClose(activationCurve('gelu', {}, [1]).y, [0.8413447460685429], 2e-7);
    expectClose(activationCurve('silu', {}, [1]).y, [0.7310585786300049], 1e-15);
    expectClose(activationCurve('softplus', {}, [0]).y, [Math.LN2], 1e-15);
    expectClose(activationCurve('mish', {}, [0]).dydx, [0.6], 1e-15); // tanh(ln 2) = 3/5
  });

  it('refuses unknown activations, options and bad values as createActivation does', () => {
    expect(() => activationCurve('swish', {}, [0])).toThrow(/unknown activation "swish"/);
    expect(() => activationCurve('gelu', { approximation: 'tanh' }, [0])).toThrow(
      /gelu: unknown option "approximation"/,
    );
    expect(() => activationCurve('celu', { alpha: 0 }, [0])).toThrow(/alpha must be ≠ 0/);
    expect(() => activationCurve('rrelu', { lower: 5, upper: 4 }, [0])).toThrow(
      /lower must be ≤ upper, got lower 5 > upper 4/,
    );
  });
});
