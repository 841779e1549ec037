import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectClose, scoped, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { normalCdf, normalCdfTensor, normalPdf, normalPdfTensor } from './normal-distribution.js';

// Published values of the standard normal distribution Φ(x) (Abramowitz & Stegun table
// 26.1 and its tail extensions; to 16 digits as given by erfc in double precision).
const PUBLISHED: readonly (readonly [number, number])[] = [
  [-10, 7.619853024160593e-24],
  [-8, 6.220960574271819e-16],
  [-5, 2.866515718791946e-7],
  [-3, 0.0013498980316300957],
  [-1.5, 0.06680720126885809],
  [-1, 0.15865525393145707],
  [-0.5, 0.3085375387259869],
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [1.96, 0.9750021048517795],
  [3, 0.9986501019683699],
];

const relativeError = (got: number, want: number) => Math.abs(got / want - 1);

describe('normalCdf and normalPdf', () => {
  afterAll(() => useBackend('wasm'));

  it('are within 1.2e-7 relative of published Φ values, tails included', () => {
    // 1.2e-7 is the stated bound of the Numerical Recipes erfc fit.
    for (const [x, phi] of PUBLISHED) {
      expect(relativeError(normalCdf(x), phi), `Φ(${x})`).toBeLessThan(1.2e-7);
    }
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
  });

  it('satisfy Φ(x) + Φ(−x) = 1 (x ≠ 0: both from one tail) and φ = dΦ/dx (h = 1e-5)', () => {
    for (const x of [-2.5, -0.3, 0.8, 4]) {
      expectClose(normalCdf(x) + normalCdf(-x), 1, 1e-15);
      const h = 1e-5;
      expectClose((normalCdf(x + h) - normalCdf(x - h)) / (2 * h), normalPdf(x), 1e-6);
    }
    expect(normalPdf(0)).toBe(1 / Math.sqrt(2 * Math.PI));
  });

  it.each(['wasm', 'cpu'] as const)(
    'on %s match the published values within 1e-5 relative in float32',
    async (backend) => {
      await useBackend(backend);
      // float32 rounds x²/2 by 6e-8 relative; at x = −10 (x²/2 = 50) that moves
      // e^(−x²/2) by 3e-6 relative, hence 1e-5.
      const xs = PUBLISHED.map(([x]) => x);
      const [cdf, pdf] = scoped(() => {
        const x = tf.tensor1d(xs);
        return [values(normalCdfTensor(x)), values(normalPdfTensor(x))];
      });
      PUBLISHED.forEach(([x, phi], i) => {
        expect(relativeError(cdf?.[i] ?? 0, phi), `Φ(${x})`).toBeLessThan(1e-5);
        expect(relativeError(pdf?.[i] ?? 0, normalPdf(x)), `φ(${x})`).toBeLessThan(1e-5);
      });
    },
  );
});
