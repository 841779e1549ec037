import { describe, expect, it } from 'vitest';
import { INITIALIZERS, initialWeights, schemeVariance } from './initializers.js';

const FAN_IN = 784;
const FAN_OUT = 256;

describe('initialWeights', () => {
  it('targets the variance of each scheme: Glorot 2/(in + out), He 2/in, LeCun 1/in', () => {
    expect(schemeVariance('glorotUniform', FAN_IN, FAN_OUT)).toBe(2 / (FAN_IN + FAN_OUT));
    expect(schemeVariance('heNormal', FAN_IN, FAN_OUT)).toBe(2 / FAN_IN);
    expect(schemeVariance('lecunUniform', FAN_IN, FAN_OUT)).toBe(1 / FAN_IN);
    expect(schemeVariance('zeros', FAN_IN, FAN_OUT)).toBe(0);
  });

  for (const scheme of INITIALIZERS.filter((s) => s !== 'zeros')) {
    it(`${scheme}: sample mean ≈ 0 and variance within 2 % of the target over 200,704 draws`, () => {
      const w = initialWeights(scheme, FAN_IN, FAN_OUT, 7, 'layer/kernel');
      const target = schemeVariance(scheme, FAN_IN, FAN_OUT);
      const n = w.length;
      const mean = w.reduce((s, v) => s + v, 0) / n;
      const variance = w.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
      // Standard error of the mean: sqrt(target / n) ≈ 1e-4 here; allow 5 of them.
      expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(target / n));
      expect(Math.abs(variance / target - 1)).toBeLessThan(0.02);
      if (scheme.endsWith('Uniform')) {
        // A uniform draw on (−limit, limit) has variance limit²/3, so limit = sqrt(3·variance).
        const limit = Math.sqrt(3 * target);
        expect(w.reduce((m, v) => Math.max(m, Math.abs(v)), 0)).toBeLessThanOrEqual(limit);
      }
    });
  }

  it('gives zeros for the zeros scheme and bit-identical draws for the same seed and name', () => {
    expect(initialWeights('zeros', 3, 2, 1, 'z').every((v) => v === 0)).toBe(true);
    expect(initialWeights('heNormal', 30, 20, 5, 'a')).toEqual(
      initialWeights('heNormal', 30, 20, 5, 'a'),
    );
    expect(initialWeights('heNormal', 30, 20, 5, 'a')).not.toEqual(
      initialWeights('heNormal', 30, 20, 5, 'b'),
    );
  });
});
