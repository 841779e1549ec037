import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { activationCurve } from './activation-curve.js';
import { NoiseStream } from './noise.js';
import { rreluForward } from './rrelu.js';
import { rreluBand } from './rrelu-band.js';
import { RRELU_PRESET_NAMES } from './rrelu-options.js';

describe('rreluBand', () => {
  beforeAll(() => useBackend('wasm'));

  it('paper preset: slopes 1/8…1/3, so [x/3, x/8] for x < 0 and x itself above', () => {
    const band = rreluBand({ preset: 'paper' }, [-4, -1, 0, 2]);
    expectClose([band.minSlope, band.maxSlope], [1 / 8, 1 / 3]);
    expectClose(band.low, [-4 / 3, -1 / 3, 0, 2]);
    expectClose(band.high, [-0.5, -1 / 8, 0, 2]);
  });

  it('blog preset: slopes 3…8 amplify negative inputs, [8x, 3x]', () => {
    const band = rreluBand({ preset: 'blog' }, [-1, 1]);
    expect([band.low, band.high]).toEqual([
      [-8, 1],
      [-3, 1],
    ]);
  });

  it('orders the ends for negative slopes and collapses for lower = upper', () => {
    // Slopes −0.5 and 0.25 at x = −2 give 1 and −0.5.
    const mixed = rreluBand({ form: 'multiply', lower: -0.5, upper: 0.25 }, [-2]);
    expect([mixed.low, mixed.high]).toEqual([[-0.5], [1]]);
    const point = rreluBand({ form: 'multiply', lower: 0.2, upper: 0.2 }, [-5]);
    expect([point.low, point.high]).toEqual([[-1], [-1]]);
  });

  it.each(RRELU_PRESET_NAMES)(
    '%s: holds the evaluation curve and 100 training draws at every x',
    (preset) => {
      const xs = Array.from({ length: 17 }, (_, i) => (i - 8) / 2);
      const band = rreluBand({ preset }, xs);
      const inside = (ys: readonly number[]) =>
        ys.every((y, i) => {
          const slack = 1e-6 * (1 + Math.abs(y)); // float32 rounding of the tensor output
          return y >= (band.low[i] as number) - slack && y <= (band.high[i] as number) + slack;
        });

      expect(inside(activationCurve('rrelu', { preset }, xs).y)).toBe(true);
      const stream = new NoiseStream({ seed: 8, name: preset });
      for (let step = 0; step < 100; step++) {
        const ys = tf.tidy(() =>
          values(rreluForward(tf.tensor1d(xs), { preset }, { training: true }, { stream }).y),
        );
        expect(inside(ys), `step ${step}`).toBe(true);
      }
    },
  );

  it('refuses bad options as resolveRreluOptions does', () => {
    expect(() => rreluBand({ lower: 0.3, upper: 0.1, form: 'multiply' }, [0])).toThrow(
      /lower must be ≤ upper/,
    );
  });
});
