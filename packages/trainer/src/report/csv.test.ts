import { describe, expect, it } from 'vitest';

import { toMetricsCsv } from './csv.js';
import type { EpochRow } from './rows.js';

const row: EpochRow = {
  activation: 'rrelu',
  batchNorm: true,
  seed: 7,
  epoch: 2,
  trainLoss: 0.1 + 0.2,
  trainAccuracy: 0.9625,
  validationAccuracy: 0.955,
  testAccuracy: 0.9581,
  seconds: 12.5,
};

describe('toMetricsCsv', () => {
  it('writes the header alone, with a trailing newline, for no rows', () => {
    expect(toMetricsCsv([])).toBe(
      'activation,batchNorm,seed,epoch,trainLoss,trainAccuracy,validationAccuracy,' +
        'testAccuracy,seconds\n',
    );
  });

  it('writes numbers in full precision and booleans as words', () => {
    const lines = toMetricsCsv([row, { ...row, batchNorm: false, trainLoss: Number.NaN }]).split(
      '\n',
    );

    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('rrelu,true,7,2,0.30000000000000004,0.9625,0.955,0.9581,12.5');
    expect(lines[2]).toBe('rrelu,false,7,2,NaN,0.9625,0.955,0.9581,12.5');
    expect(lines[3]).toBe('');
  });

  it('quotes values holding commas, quotes or line breaks (RFC 4180)', () => {
    const csv = toMetricsCsv([
      { ...row, activation: 'lrelu,0.01' },
      { ...row, activation: 'say "hi"' },
      { ...row, activation: 'two\nlines' },
    ]);
    const body = csv.slice(csv.indexOf('\n') + 1);

    expect(body).toBe(
      '"lrelu,0.01",true,7,2,0.30000000000000004,0.9625,0.955,0.9581,12.5\n' +
        '"say ""hi""",true,7,2,0.30000000000000004,0.9625,0.955,0.9581,12.5\n' +
        '"two\nlines",true,7,2,0.30000000000000004,0.9625,0.955,0.9581,12.5\n',
    );
  });
});
