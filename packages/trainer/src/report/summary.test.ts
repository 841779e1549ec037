import { describe, expect, it } from 'vitest';

import type { EpochRow } from './rows.js';
import { summarize } from './summary.js';

/** Builds a row; accuracies are given as (validation, test). */
function row(
  activation: string,
  batchNorm: boolean,
  seed: number,
  epoch: number,
  validationAccuracy: number,
  testAccuracy: number,
  trainLoss = 0.1,
): EpochRow {
  return {
    activation,
    batchNorm,
    seed,
    epoch,
    trainLoss,
    trainAccuracy: 0.99,
    validationAccuracy,
    testAccuracy,
    seconds: seed,
  };
}

// rrelu with batch norm comes first in the input on purpose (order test).
const rows: EpochRow[] = [
  row('rrelu', true, 1, 1, 0.9, 0.9, Number.NaN),
  row('relu', false, 1, 1, 0.9, 0.91),
  row('relu', false, 1, 2, 0.95, 0.96),
  row('relu', false, 2, 1, 0.92, 0.93),
  row('relu', false, 2, 2, 0.94, 0.97),
  row('relu', false, 3, 1, 0.91, 0.92),
  row('relu', false, 3, 2, 0.93, 0.98),
  row('rrelu', false, 1, 2, 0.95, 0.97),
  row('rrelu', false, 2, 2, 0.95, 0.98),
  row('rrelu', false, 3, 2, 0.95, 0.99),
  row('rrelu', false, 1, 1, 0.95, 0.5),
  row('rrelu', false, 2, 1, 0.95, 0.5),
  row('rrelu', false, 3, 1, 0.95, 0.5),
];

describe('summarize', () => {
  it('orders settings by activation appearance, batch norm off before on', () => {
    const summary = summarize(rows);

    expect(summary.map((s) => [s.activation, s.batchNorm])).toEqual([
      ['rrelu', false],
      ['rrelu', true],
      ['relu', false],
    ]);
  });

  it('describes final test accuracy over seeds (hand-computed)', () => {
    // relu finals 0.96, 0.97, 0.98: mean 0.97; deviations ±0.01, 0 give variance
    // 0.0002 / 2 = 0.0001, std 0.01; ci95 = 4.302653 · 0.01 / √3 = 0.02484138.
    const relu = summarize(rows).find((s) => s.activation === 'relu');

    expect(relu?.seeds).toBe(3);
    expect(relu?.finalEpoch).toBe(2);
    expect(relu?.finalTestAccuracy.mean).toBeCloseTo(0.97, 12);
    expect(relu?.finalTestAccuracy.std).toBeCloseTo(0.01, 12);
    expect(relu?.finalTestAccuracy.ci95).toBeCloseTo(0.02484138, 8);
    expect(relu?.finalTestAccuracy.min).toBe(0.96);
    expect(relu?.finalTestAccuracy.max).toBe(0.98);
    expect(relu?.meanEpochSeconds).toBe(2);
  });

  it('picks the best epoch by mean validation accuracy, earliest on ties', () => {
    // relu: mean validation 0.91 at epoch 1, 0.94 at epoch 2, so epoch 2 (test 0.97).
    // rrelu without batch norm: 0.95 at both epochs, so epoch 1 (test 0.5).
    const [rrelu, , relu] = summarize(rows);

    expect(relu?.bestEpoch).toBe(2);
    expect(relu?.bestEpochValidationAccuracy).toBeCloseTo(0.94, 12);
    expect(relu?.bestEpochTestAccuracy).toBeCloseTo(0.97, 12);
    expect(rrelu?.bestEpoch).toBe(1);
    expect(rrelu?.bestEpochTestAccuracy).toBeCloseTo(0.5, 12);
  });

  it("compares with relu by Welch's t-test (hand-computed)", () => {
    // rrelu finals 0.97, 0.98, 0.99 against relu 0.96, 0.97, 0.98: both std 0.01, so
    // se = √(2 · 0.0001 / 3), t = 0.01 / se = √1.5 = 1.224745, df = 4 exactly.
    // For df = 4, F(t) = ½ + ¾ x (1 − x²/3) with x = t / √(4 + t²) = √(3/11), which
    // gives p = 2 (1 − F) = 0.287864; not significant.
    const [rrelu, rreluBatchNorm, relu] = summarize(rows);

    expect(rrelu?.versusRelu?.t).toBeCloseTo(Math.sqrt(1.5), 10);
    expect(rrelu?.versusRelu?.df).toBeCloseTo(4, 10);
    expect(rrelu?.versusRelu?.p).toBeCloseTo(0.287864, 6);
    expect(rrelu?.differsFromRelu).toBe(false);
    expect(relu?.versusRelu).toBeNull();
    expect(relu?.differsFromRelu).toBeNull();
    // No relu with batch norm, and only one seed: no test.
    expect(rreluBatchNorm?.versusRelu).toBeNull();
    expect(rreluBatchNorm?.differsFromRelu).toBeNull();
  });

  it('flags a clear difference as significant', () => {
    const shifted = rows
      .filter((r) => r.activation === 'relu')
      .map((r) => ({ ...r, activation: 'elu', testAccuracy: r.testAccuracy - 0.05 }));

    const elu = summarize([...rows, ...shifted]).find((s) => s.activation === 'elu');

    expect(elu?.versusRelu?.p).toBeLessThan(0.01);
    expect(elu?.differsFromRelu).toBe(true);
  });

  it('counts diverged seeds and handles a single seed', () => {
    const rreluBatchNorm = summarize(rows)[1];

    expect(rreluBatchNorm?.seeds).toBe(1);
    expect(rreluBatchNorm?.divergedSeeds).toBe(1);
    expect(rreluBatchNorm?.finalTestAccuracy.std).toBe(0);
    expect(rreluBatchNorm?.finalTestAccuracy.ci95).toBeNull();
  });

  it('keeps the last of duplicate rows and returns nothing for no rows', () => {
    const again = row('relu', false, 3, 2, 0.93, 0.99);

    const relu = summarize([...rows, again]).find((s) => s.activation === 'relu');

    expect(relu?.finalTestAccuracy.max).toBe(0.99);
    expect(summarize([])).toEqual([]);
  });
});
