import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { scoped, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { log1pExp } from './log1p-exp.js';

describe('log1pExp', () => {
  afterAll(() => useBackend('wasm'));

  it.each(['wasm', 'cpu'] as const)(
    'on %s is within 8 float32 ulps (5e-7 relative) of log(1 + eᶻ) for z in [-80, 30]',
    async (backend) => {
      await useBackend(backend);
      // Reference: Math.log1p(Math.exp(z)) in double precision at the float32 value of z.
      // Above −80, e^z stays a normal float32 (≥ 1.2e-38), so full relative precision is due.
      const zs = Array.from({ length: 221 }, (_, i) => Math.fround(-80 + i * 0.5));
      const got = scoped(() => values(log1pExp(tf.tensor1d(zs))));
      const worst = Math.max(
        ...zs.map((z, i) => Math.abs((got[i] as number) / Math.log1p(Math.exp(z)) - 1)),
      );
      expect(worst).toBeLessThan(5e-7);
    },
  );

  it('does not overflow: log(1 + e^1000) = 1000, and gives ln 2 at 0', async () => {
    await useBackend('wasm');
    const got = scoped(() => values(log1pExp(tf.tensor1d([1000, 0]))));
    expect(got).toEqual([1000, Math.fround(Math.LN2)]);
  });
});
