import { describe, expect, it } from 'vitest';
import { learningRateAt } from './schedules.js';

describe('learningRateAt', () => {
  it('keeps a constant rate', () => {
    expect(learningRateAt({ kind: 'constant' }, 0.1, 500, 100, 1000)).toBe(0.1);
  });

  it('multiplies by the factor every N epochs: epoch 4 with N = 2 → factor²', () => {
    const schedule = { kind: 'step', everyEpochs: 2, factor: 0.5 } as const;
    expect(learningRateAt(schedule, 0.1, 99, 100, 1000)).toBe(0.1); // still epoch 0
    expect(learningRateAt(schedule, 0.1, 450, 100, 1000)).toBeCloseTo(0.025, 12); // epoch 4
  });

  it('follows a half cosine from the base to the minimum', () => {
    const schedule = { kind: 'cosine', minimum: 0.01 } as const;
    expect(learningRateAt(schedule, 0.1, 0, 100, 1000)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(schedule, 0.1, 500, 100, 1000)).toBeCloseTo(0.055, 12); // cos(π/2) = 0
    expect(learningRateAt(schedule, 0.1, 1000, 100, 1000)).toBeCloseTo(0.01, 12);
  });
});
