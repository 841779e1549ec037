import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { leakyRelu } from './leaky-relu.js';
import { NoiseStream } from './noise.js';
import { rrelu } from './rrelu.js';
import {
  type RreluForm,
  type RreluOptions,
  resolveRreluOptions,
  rreluEvaluationSlope,
  rreluSlopeDistribution,
} from './rrelu-options.js';

/** Options as a JavaScript caller could pass them, past the type checker (no casts). */
function untyped(entries: Record<string, unknown>): RreluOptions {
  const options: RreluOptions = {};
  for (const [key, value] of Object.entries(entries)) Reflect.set(options, key, value);
  return options;
}

/** Composite Simpson's rule on [a, b] with `n` (even) intervals. */
function simpson(f: (s: number) => number, a: number, b: number, n = 20_000): number {
  const h = (b - a) / n;
  let total = f(a) + f(b);
  for (let i = 1; i < n; i++) total += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (total * h) / 3;
}

describe('rrelu options', () => {
  beforeAll(() => useBackend('wasm'));

  it('refuses reversed, non-finite or tensor bounds and names the bound (case P03)', () => {
    expect(() => resolveRreluOptions({ lower: 0.3, upper: 0.1, form: 'multiply' })).toThrow(
      /rrelu: lower must be ≤ upper, got lower 0.3 > upper 0.1/,
    );
    expect(() => resolveRreluOptions({ lower: 9, upper: 4 })).toThrow(
      /lower must be ≤ upper, got lower 9 > upper 4/,
    );
    expect(() => resolveRreluOptions({ lower: Number.NaN })).toThrow(
      /rrelu: lower must be a finite number, got NaN/,
    );
    expect(() => resolveRreluOptions({ upper: Number.NaN })).toThrow(
      /rrelu: upper must be a finite number, got NaN/,
    );
    expect(() => resolveRreluOptions({ upper: Infinity })).toThrow(
      /upper must be a finite number, got Infinity/,
    );
    expect(() => resolveRreluOptions({ lower: -Infinity })).toThrow(
      /lower must be a finite number, got -Infinity/,
    );
    expect(() => resolveRreluOptions(untyped({ lower: tf.scalar(3) }))).toThrow(
      /rrelu: lower must be a finite number, got a tensor/,
    );
    expect(() => resolveRreluOptions(untyped({ upper: tf.scalar(8) }))).toThrow(
      /rrelu: upper must be a finite number, got a tensor/,
    );
    expect(() => resolveRreluOptions(untyped({ upper: '8' }))).toThrow(
      /upper must be a finite number, got "8"/,
    );
  });

  it('refuses a bound ≤ 0 in the divide form, naming it (case P03)', () => {
    expect(() => resolveRreluOptions({ form: 'divide', lower: 0, upper: 8 })).toThrow(
      /rrelu: in the divide form both bounds must be > 0 \(they divide x\), got lower 0/,
    );
    expect(() => resolveRreluOptions({ form: 'divide', lower: -2, upper: -1 })).toThrow(
      /divide form both bounds must be > 0.*got lower -2/,
    );
    // The multiply form takes any finite slopes, negative ones included.
    expect(resolveRreluOptions({ form: 'multiply', lower: -0.5, upper: 0.25 }).lower).toBe(-0.5);
  });

  it('refuses an unknown preset, form, noise or evaluation rule, naming option and value', () => {
    expect(() => resolveRreluOptions(untyped({ preset: 'keras' }))).toThrow(
      /rrelu: preset must be one of paper, torch, blog, got "keras"/,
    );
    expect(() => resolveRreluOptions(untyped({ form: 'add' }))).toThrow(
      /rrelu: form must be one of divide, multiply, got "add"/,
    );
    expect(() => resolveRreluOptions(untyped({ noise: 'batch' }))).toThrow(
      /rrelu: noise must be one of element, unit, layer, got "batch"/,
    );
    expect(() => resolveRreluOptions(untyped({ evaluation: 'mean' }))).toThrow(
      /rrelu: evaluation must be one of midpoint, expected, got "mean"/,
    );
  });

  it('lower = upper is allowed and equals Leaky ReLU with that slope (case P03)', () => {
    const x = tf.tensor1d([-3, -0.5, 0, 2]);
    for (const form of ['multiply', 'divide'] as const) {
      const options = { form, lower: 0.2, upper: 0.2 };
      const slope = form === 'divide' ? 1 / 0.2 : 0.2;
      const stream = new NoiseStream({ seed: 0, name: 'eq' });
      const trained = values(rrelu(x, { ...options, training: true }, { stream }));
      expectClose(trained, values(leakyRelu(x, slope)));
      expectClose(values(rrelu(x, { ...options, training: false })), values(leakyRelu(x, slope)));
    }
  });

  it('fills unset fields from the preset and lets any field override it', () => {
    expect(resolveRreluOptions()).toEqual({
      form: 'divide',
      lower: 3,
      upper: 8,
      noise: 'element',
      evaluation: 'midpoint',
    });
    expect(resolveRreluOptions({ preset: 'blog', noise: 'unit' })).toEqual({
      form: 'multiply',
      lower: 3,
      upper: 8,
      noise: 'unit',
      evaluation: 'midpoint',
    });
  });
});

describe('rreluSlopeDistribution', () => {
  it("states each preset's numbers (experiment.md's table)", () => {
    const paper = rreluSlopeDistribution({ preset: 'paper' });
    expectClose([paper.min, paper.max, paper.mean], [1 / 8, 1 / 3, Math.log(8 / 3) / 5]);
    expectClose(paper.mean, 0.196166, 1e-6);
    expectClose(paper.evaluationSlope, 1 / 5.5); // 0.181818
    expectClose(
      rreluSlopeDistribution({ preset: 'paper', evaluation: 'expected' }).evaluationSlope,
      0.196166,
      1e-6,
    );

    const torch = rreluSlopeDistribution({ preset: 'torch' });
    expectClose([torch.mean, torch.std], [11 / 48, (1 / 3 - 1 / 8) / Math.sqrt(12)]);
    expectClose(torch.evaluationSlope, 0.229167, 1e-6);

    const blog = rreluSlopeDistribution({ preset: 'blog' });
    expectClose([blog.min, blog.max, blog.mean, blog.evaluationSlope], [3, 8, 5.5, 5.5]);
    expectClose(rreluEvaluationSlope(resolveRreluOptions({ preset: 'blog' })), 5.5);
  });

  it.each([
    ['divide', 3, 8],
    ['divide', 0.5, 2],
    ['divide', 1, 100],
    ['divide', 3, 3 * (1 + 0.9e-3)],
    ['divide', 3, 3 * (1 + 1.1e-3)],
    ['multiply', 1 / 8, 1 / 3],
    ['multiply', 3, 8],
    ['multiply', -0.5, 0.25],
  ] as const)(
    '%s form, bounds %d…%d: density integrates to 1, to the mean and to the variance',
    (form: RreluForm, lower, upper) => {
      // Reference: Simpson's rule on the density over [min, max] (20,000 intervals).
      const dist = rreluSlopeDistribution({ form, lower, upper });
      const mass = simpson(dist.density, dist.min, dist.max);
      const mean = simpson((s) => s * dist.density(s), dist.min, dist.max);
      const variance = simpson((s) => (s - dist.mean) ** 2 * dist.density(s), dist.min, dist.max);
      expectClose(mass, 1, 1e-6);
      expectClose(mean, dist.mean, 1e-6);
      expect(Math.abs(variance / dist.std ** 2 - 1)).toBeLessThan(1e-6);
      expect(dist.density(dist.min - 1e-9)).toBe(0);
      expect(dist.density(dist.max + 1e-9)).toBe(0);
    },
  );

  it('keeps the standard deviation accurate for bounds within 1e-7 of each other', () => {
    // a ~ U(l, l(1 + r)), r = 1e-7: Var(1/a) = (r²/12 − r³/6 + …)/l², so
    // std = r/(l√12)·(1 − r + O(r²)). 1/(l·u) − E[s]² would cancel to rounding noise here.
    const l = 3;
    const r = 1e-7;
    const dist = rreluSlopeDistribution({ form: 'divide', lower: l, upper: l * (1 + r) });
    expect(Math.abs(dist.std / ((r / (l * Math.sqrt(12))) * (1 - r)) - 1)).toBeLessThan(1e-9);
    expectClose(dist.mean, (1 / l) * (1 - r / 2), 1e-12); // log1p(r)/(l·r) = (1 − r/2 + …)/l
  });

  it('treats lower = upper as a point mass: std 0, infinite density at the slope', () => {
    const divide = rreluSlopeDistribution({ form: 'divide', lower: 4, upper: 4 });
    expect([divide.min, divide.max, divide.mean, divide.std]).toEqual([0.25, 0.25, 0.25, 0]);
    expect(divide.density(0.25)).toBe(Infinity);
    expect(divide.density(0.3)).toBe(0);
    const multiply = rreluSlopeDistribution({ form: 'multiply', lower: 0.2, upper: 0.2 });
    expect([multiply.mean, multiply.std, multiply.density(0.2)]).toEqual([0.2, 0, Infinity]);
  });
});
