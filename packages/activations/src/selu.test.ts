import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { createSelu, SELU_ALPHA, SELU_LAMBDA, selu, seluForward } from './selu.js';
import { expectGradientsMatchFiniteDifferences } from './test-utils/gradient-check.js';

// Klambauer et al. 2017, eq. 14, to 32 significant digits (as also quoted by TensorFlow),
// rounded to the nearest double by Number().
const PAPER_LAMBDA = Number('1.0507009873554804934193349852946');
const PAPER_ALPHA = Number('1.6732632423543772848170429916717');

describe('selu', () => {
  beforeAll(() => useBackend('wasm'));

  it("uses the paper's λ and α", () => {
    expect(SELU_LAMBDA).toBe(PAPER_LAMBDA);
    expect(SELU_ALPHA).toBe(PAPER_ALPHA);
    expect(createSelu().config).toEqual({ lambda: PAPER_LAMBDA, alpha: PAPER_ALPHA });
  });

  it('gives λ·x for x > 0 and λα·(eˣ − 1) for x ≤ 0, derivative λ and λα·eˣ', () => {
    const x = tf.tensor1d([-2, -1, 0.5, 3]);
    const { y, dydx } = seluForward(x);
    expect(y.shape).toEqual([4]);
    expect(y.dtype).toBe('float32');
    // Hand derivation from the definition with the paper's constants.
    const la = PAPER_LAMBDA * PAPER_ALPHA;
    expectClose(values(y), [
      la * (Math.exp(-2) - 1),
      la * (Math.exp(-1) - 1),
      0.5 * PAPER_LAMBDA,
      3 * PAPER_LAMBDA,
    ]);
    expectClose(values(dydx), [la * Math.exp(-2), la * Math.exp(-1), PAPER_LAMBDA, PAPER_LAMBDA]);
  });

  it('takes the negative side λα ≈ 1.7580993 at x = 0; a central difference: (λ + λα)/2', () => {
    const x = tf.tensor1d([0]);
    expectClose(values(tf.grad((t) => selu(t))(x)), [PAPER_LAMBDA * PAPER_ALPHA]);
    // (f(h) − f(−h))/2h = (λh + λα(1 − e^−h))/2h → (λ + λα)/2 as h → 0,
    // off by O(h) = 4e-4 at h = 1e-3.
    const h = 1e-3;
    const numeric =
      (values(selu(tf.tensor1d([h])))[0]! - values(selu(tf.tensor1d([-h])))[0]!) / (2 * h);
    expectClose(numeric, (PAPER_LAMBDA + PAPER_LAMBDA * PAPER_ALPHA) / 2, 1e-3);
  });

  it('matches central differences away from the kink on scalar, 1-D, 2-D and 4-D inputs', () => {
    expectGradientsMatchFiniteDifferences((t) => selu(t), 'selu');
  });

  it('saturates at −λα and stays finite for large |x|', () => {
    const { y, dydx } = seluForward(tf.tensor1d([-100, 100]));
    expectClose(values(y), [-PAPER_LAMBDA * PAPER_ALPHA, 100 * PAPER_LAMBDA]);
    expectClose(values(dydx), [0, PAPER_LAMBDA]);
  });
});
