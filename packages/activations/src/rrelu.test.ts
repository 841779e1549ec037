import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { NoiseStream } from './noise.js';
import { createRrelu, rrelu, rreluForward } from './rrelu.js';
import {
  RRELU_EVALUATION,
  RRELU_NOISE,
  RRELU_PRESET_NAMES,
  rreluSlopeDistribution,
} from './rrelu-options.js';
import { expectGradientsMatchFiniteDifferences } from './test-utils/gradient-check.js';

const TORCH_EVAL_SLOPE = (1 / 8 + 1 / 3) / 2; // 11/48 = 0.2291667

describe('rrelu evaluation mode', () => {
  beforeAll(() => useBackend('wasm'));

  it('torch preset: slope 11/48, identical on two calls (case P01)', () => {
    const x = tf.tensor1d([-100, -10, -0.5, 20]);
    const first = values(rrelu(x, { preset: 'torch', training: false }));
    const second = values(rrelu(x, { preset: 'torch', training: false }));
    expectClose(first, [-22.916667, -2.291667, -0.114583, 20]);
    expect(second).toEqual(first);
  });

  it('torch preset: x = 0 takes the negative-side slope (case P02)', () => {
    const x = tf.tensor1d([-2, 0, 3]);
    const grad = tf.grad((t) => rrelu(t, { preset: 'torch', training: false }))(x);
    expectClose(values(rrelu(x, { preset: 'torch', training: false })), [-0.458333, 0, 3]);
    expectClose(values(grad), [TORCH_EVAL_SLOPE, TORCH_EVAL_SLOPE, 1]);
  });

  it('paper preset: y = x / 5.5 for negative x; expected rule uses ln(8/3)/5', () => {
    const x = tf.tensor1d([-5.5, -11, 4]);
    expectClose(values(rrelu(x, { preset: 'paper', training: false })), [-1, -2, 4]);
    const expected = rrelu(x, { preset: 'paper', evaluation: 'expected', training: false });
    const slope = Math.log(8 / 3) / 5; // 0.196166, E[1/a] for a ~ U(3, 8)
    expectClose(values(expected), [-5.5 * slope, -11 * slope, 4]);
  });

  it('blog preset: negative inputs are multiplied by 5.5 in evaluation', () => {
    expectClose(values(rrelu(tf.tensor1d([-2, 1]), { preset: 'blog', training: false })), [-11, 1]);
  });

  it('passes ones of shape [1, 10] unchanged in both modes (case P18)', () => {
    const x = tf.ones([1, 10]);
    for (const preset of ['paper', 'torch', 'blog'] as const) {
      const stream = new NoiseStream({ seed: 3, name: preset });
      expect(values(rrelu(x, { preset, training: true }, { stream }))).toEqual(
        new Array(10).fill(1),
      );
      expect(values(rrelu(x, { preset, training: false }))).toEqual(new Array(10).fill(1));
    }
  });
});

describe('rrelu training mode', () => {
  beforeAll(() => useBackend('wasm'));

  it('draws fresh noise per call and replays it from the seed (case P04)', () => {
    const x = tf.fill([8], -1);
    const run = () => {
      const stream = new NoiseStream({ seed: 1234, name: 'hidden1' });
      return [1, 2].map(() => values(rrelu(x, { preset: 'paper', training: true }, { stream })));
    };
    const [a, b] = run();
    expect(a).not.toEqual(b);
    expect(run()).toEqual([a, b]);
  });

  it('keeps paper slopes within [1/8, 1/3] and the backward pass reuses them: grad = y / x', () => {
    const x = tf.randomUniform([16, 32], -3, -0.1);
    const stream = new NoiseStream({ seed: 7, name: 'l' });
    const { y, dydx } = rreluForward(x, { preset: 'paper' }, { training: true }, { stream });
    const ratio = values(tf.div(y, x));
    expectClose(values(dydx), ratio, 1e-6);
    expect(Math.min(...ratio)).toBeGreaterThanOrEqual(1 / 8 - 1e-7);
    expect(Math.max(...ratio)).toBeLessThanOrEqual(1 / 3 + 1e-7);

    const replay = new NoiseStream({ seed: 7, name: 'l' });
    const grad = tf.grad((t) => rrelu(t, { preset: 'paper', training: true }, { stream: replay }))(
      x,
    );
    expectClose(values(grad), ratio, 1e-6);
  });

  it('per unit shares a slope down the batch; per layer one slope for everything', () => {
    const x = tf.fill([4, 3], -1);
    const unit = createRrelu({ noise: 'unit' }, { seed: 5, name: 'u' });
    const rows = (values(unit.forward(x, { training: true }).y) as number[]).map((v) => -v);
    expect(rows.slice(0, 3)).toEqual(rows.slice(3, 6));
    expect(unit.lastDrawn?.slopes.length).toBe(3);

    const layer = createRrelu({ preset: 'blog' }, { seed: 5, name: 'b' });
    const out = values(layer.forward(x, { training: true }).y);
    expect(new Set(out).size).toBe(1);
    expect(-(out[0] as number)).toBeGreaterThanOrEqual(3);
    expect(-(out[0] as number)).toBeLessThan(8);
  });

  it('reads back the slopes of its last training call with their step', () => {
    const act = createRrelu({ preset: 'torch' }, { seed: 11, name: 'h' });
    const x = tf.fill([2, 2], -2);
    act.forward(x, { training: true });
    const { y } = act.forward(x, { training: true });
    expect(act.lastDrawn?.step).toBe(1);
    expectClose(
      values(y),
      Array.from(act.lastDrawn?.slopes ?? [], (s) => -2 * s),
      1e-6,
    );
  });
});

describe('rrelu gradients', () => {
  beforeAll(() => useBackend('wasm'));

  it('match central differences in training with a replayed stream, every preset and noise', () => {
    for (const preset of RRELU_PRESET_NAMES) {
      for (const noise of RRELU_NOISE) {
        // A new stream at step 3 for every evaluation: each call draws the same slopes,
        // so x ↦ rrelu(x) is one fixed piecewise-linear function.
        const op = (t: tf.Tensor) =>
          rrelu(
            t,
            { preset, noise, training: true },
            { stream: new NoiseStream({ seed: 5, name: 'fd', step: 3 }) },
          );
        expectGradientsMatchFiniteDifferences(op, `rrelu ${preset} ${noise} training`);
      }
    }
  });

  it('match central differences in evaluation mode, every preset and evaluation rule', () => {
    for (const preset of RRELU_PRESET_NAMES) {
      for (const evaluation of RRELU_EVALUATION) {
        const op = (t: tf.Tensor) => rrelu(t, { preset, evaluation, training: false });
        expectGradientsMatchFiniteDifferences(op, `rrelu ${preset} ${evaluation} evaluation`);
      }
    }
  });

  it.each(RRELU_NOISE)(
    'backward reuses exactly the forward slopes with noise per %s: grad = y / x for x < 0',
    (noise) => {
      const x = tf.randomUniform([4, 5], -3, -0.1, 'float32', 9); // every element negative
      const source = () => ({ stream: new NoiseStream({ seed: 21, name: 'reuse', step: 2 }) });
      const options = { preset: 'torch', noise, training: true } as const;

      const y = rrelu(x, options, source());
      const grad = values(tf.grad((t) => rrelu(t, options, source()))(x));
      const ratio = values(tf.div(y, x));
      expectClose(grad, ratio, 1e-6);

      // The layer interface hands back the same slopes it multiplied by.
      const layer = createRrelu({ preset: 'torch', noise }, { seed: 21, name: 'reuse', step: 2 });
      const forward = layer.forward(x, { training: true });
      expectClose(values(forward.dydx), values(tf.div(forward.y, x)), 1e-6);
      expectClose(values(forward.dydx), ratio, 1e-6);

      const distinct = new Set(grad.map((g) => g.toFixed(6))).size;
      expect(distinct).toBe({ element: 20, unit: 5, layer: 1 }[noise]);
    },
  );

  it('at x = 0 in training takes the slope drawn for that element; y stays 0', () => {
    const act = createRrelu({ preset: 'paper' }, { seed: 4, name: 'zero' });
    const { y, dydx } = act.forward(tf.zeros([6]), { training: true });
    expect(values(y)).toEqual(new Array(6).fill(0));
    expectClose(values(dydx), Array.from(act.lastDrawn?.slopes ?? []));
  });

  it('keeps the shape of a scalar input with noise per unit', () => {
    const stream = new NoiseStream({ seed: 1, name: 's' });
    const y = rrelu(tf.scalar(-2), { noise: 'unit', training: true }, { stream });
    expect(y.shape).toEqual([]);
  });
});

describe('rrelu slope statistics over 10^6 draws', () => {
  beforeAll(() => useBackend('wasm'));

  const DRAWS = 1_000_000;

  /** E[s^k] of the training slope in closed form (k ≥ 1), for the bounds' form. */
  function rawMoment(form: 'divide' | 'multiply', l: number, u: number, k: number): number {
    if (form === 'multiply') return (u ** (k + 1) - l ** (k + 1)) / ((k + 1) * (u - l));
    // s = 1/a, a ~ U(l, u): E[a^−k] = ∫ a^−k da/(u − l).
    if (k === 1) return Math.log(u / l) / (u - l);
    return (l ** (1 - k) - u ** (1 - k)) / ((k - 1) * (u - l));
  }

  it.each([
    ['divide', 3, 8],
    ['multiply', 1 / 8, 1 / 3],
    ['multiply', 3, 8],
  ] as const)('%s form, bounds %d…%d: mean, std and range match the closed form', (form, l, u) => {
    const act = createRrelu({ form, lower: l, upper: u, noise: 'element' }, { seed: 2, name: 'n' });
    tf.tidy(() => {
      act.forward(tf.fill([1000, 1000], -1), { training: true });
    });
    const slopes = act.lastDrawn?.slopes ?? new Float32Array();
    expect(slopes.length).toBe(DRAWS);

    let sum = 0;
    let sumSq = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const s of slopes) {
      sum += s;
      sumSq += s * s;
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    const mean = sum / DRAWS;
    const std = Math.sqrt(sumSq / DRAWS - mean * mean);
    const dist = rreluSlopeDistribution({ form, lower: l, upper: u });

    // The closed form itself, from the raw moments: E[s] and √(E[s²] − E[s]²).
    const m1 = rawMoment(form, l, u, 1);
    expectClose([dist.mean, dist.std], [m1, Math.sqrt(rawMoment(form, l, u, 2) - m1 * m1)], 1e-12);

    // Standard errors: σ/√n for the mean, √(μ4 − σ⁴)/(2σ√n) for the standard deviation
    // (delta method), with μ4 the fourth central moment from the raw moments. Allow 5 SE
    // (a false failure about once in 10^6 runs).
    const [m2, m3, m4] = [2, 3, 4].map((k) => rawMoment(form, l, u, k)) as [number, number, number];
    const mu4 = m4 - 4 * m1 * m3 + 6 * m1 ** 2 * m2 - 3 * m1 ** 4;
    const sigma = dist.std;
    expect(Math.abs(mean - dist.mean)).toBeLessThan((5 * sigma) / Math.sqrt(DRAWS));
    expect(Math.abs(std - sigma)).toBeLessThan(
      (5 * Math.sqrt(mu4 - sigma ** 4)) / (2 * sigma * Math.sqrt(DRAWS)),
    );

    // Range: inside [min, max] up to float32 rounding (6e-8 relative), and within
    // 20/(n·f) of each end, f the density there: a gap that wide has probability e^−20.
    expect(min).toBeGreaterThanOrEqual(dist.min * (1 - 1e-7));
    expect(max).toBeLessThanOrEqual(dist.max * (1 + 1e-7));
    expect(min - dist.min).toBeLessThan(20 / (DRAWS * dist.density(dist.min)));
    expect(dist.max - max).toBeLessThan(20 / (DRAWS * dist.density(dist.max)));
  });
});

describe('rrelu call checks', () => {
  beforeAll(() => useBackend('wasm'));

  it('requires the mode and refuses unknown option names, naming them', () => {
    const x = tf.tensor1d([-1, 1]);
    const missing: unknown = undefined;
    expect(() => rrelu(x, missing as { training: boolean })).toThrow(
      /rrelu: options.training must be true or false, got undefined/,
    );
    expect(() => rrelu(x, { training: false, lowr: 2 } as { training: boolean })).toThrow(
      /rrelu: unknown option "lowr"/,
    );
  });

  it('computes integer input in float32: evaluation slope 11/48 is not truncated (torch preset)', () => {
    const y = rrelu(tf.tensor1d([-48, 3], 'int32'), { preset: 'torch', training: false });
    expect(y.dtype).toBe('float32');
    expectClose(values(y), [-11, 3]);
  });
});
