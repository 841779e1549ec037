import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { leakyRelu } from './leaky-relu.js';
import { NoiseStream } from './noise.js';
import { createRrelu, rrelu, rreluForward } from './rrelu.js';
import { resolveRreluOptions, rreluSlopeDistribution } from './rrelu-options.js';

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

describe('rrelu options', () => {
  it('refuses reversed, non-finite or tensor bounds and names the bound (case P03)', () => {
    expect(() => resolveRreluOptions({ lower: 0.3, upper: 0.1, form: 'multiply' })).toThrow(
      /lower must be ≤ upper, got lower 0.3 > upper 0.1/,
    );
    expect(() => resolveRreluOptions({ lower: Number.NaN })).toThrow(
      /lower must be a finite number, got NaN/,
    );
    expect(() => resolveRreluOptions({ upper: Infinity })).toThrow(
      /upper must be a finite number, got Infinity/,
    );
    const tensorBound = tf.scalar(3) as unknown;
    expect(() => resolveRreluOptions({ lower: tensorBound as number })).toThrow(
      /lower .* got a tensor/,
    );
    expect(() => resolveRreluOptions({ form: 'divide', lower: 0, upper: 8 })).toThrow(
      /divide form both bounds must be > 0/,
    );
    expect(() => resolveRreluOptions({ noise: 'batch' as 'unit' })).toThrow(/noise must be one of/);
  });

  it('lower = upper is allowed and equals Leaky ReLU with that slope (case P03)', async () => {
    await useBackend('wasm');
    const x = tf.tensor1d([-3, -0.5, 0, 2]);
    const stream = new NoiseStream({ seed: 0, name: 'eq' });
    const options = { form: 'multiply', lower: 0.2, upper: 0.2 } as const;
    const trained = values(rrelu(x, { ...options, training: true }, { stream }));
    expectClose(trained, values(leakyRelu(x, 0.2)));
  });

  it('states the slope distribution of each preset in closed form', () => {
    const paper = rreluSlopeDistribution({ preset: 'paper' });
    expectClose([paper.min, paper.max, paper.mean], [1 / 8, 1 / 3, Math.log(8 / 3) / 5]);
    expectClose(paper.evaluationSlope, 1 / 5.5);
    const torch = rreluSlopeDistribution({ preset: 'torch' });
    expectClose([torch.mean, torch.std], [11 / 48, (1 / 3 - 1 / 8) / Math.sqrt(12)]);
    expectClose(rreluSlopeDistribution({ preset: 'blog' }).evaluationSlope, 5.5);
  });
});
