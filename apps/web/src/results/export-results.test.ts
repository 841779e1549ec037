import { DEFAULT_RUN_CONFIG, type RunResult, runSeeds } from '@rrelu/trainer';
import { describe, expect, it } from 'vitest';
import { epochRowsOf, rowsFromSummaryJson, toCsv, toSummaryJson } from './export-results.js';

const result: RunResult = {
  config: { ...DEFAULT_RUN_CONFIG, activation: 'rrelu', label: 'rrelu', seed: 3, epochs: 1 },
  seeds: runSeeds(3),
  parameterCount: 10,
  epochs: [
    {
      epoch: 1,
      trainLoss: Number.NaN,
      trainAccuracy: 0.5,
      validationLoss: 1,
      validationAccuracy: 0.6,
      testLoss: 1,
      testAccuracy: 0.625,
      seconds: 2,
      examplesPerSecond: 300,
    },
  ],
  divergence: null,
  interrupted: false,
  confusion: null,
  seconds: 2,
};

describe('results export', () => {
  it('writes the CLI’s metrics.csv header and rows', () => {
    const csv = toCsv(epochRowsOf(result));
    expect(csv).toBe(
      'activation,batchNorm,seed,epoch,trainLoss,trainAccuracy,validationAccuracy,' +
        'testAccuracy,seconds\nrrelu,false,3,1,NaN,0.5,0.6,0.625,2\n',
    );
  });

  it('round-trips rows through summary.json, NaN loss included', () => {
    const rows = epochRowsOf(result);
    const text = toSummaryJson(rows, {
      source: 'web',
      exportedAt: '2026-01-01T00:00:00.000Z',
      runs: [],
      backend: null,
    });
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['meta', 'rows', 'summary']);
    expect(parsed.summary[0].activation).toBe('rrelu');
    expect(rowsFromSummaryJson(text)).toEqual(rows);
  });

  it('names the faulty field of a malformed file', () => {
    expect(() => rowsFromSummaryJson('{"rows":[{"activation":1}]}')).toThrow(
      'rows[0].activation must be a string',
    );
    expect(() => rowsFromSummaryJson('[]')).toThrow('"rows" array');
  });
});
