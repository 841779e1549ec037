import { describe, expect, it } from 'vitest';

import { formatTable, toMarkdown } from './table.js';
import { type EpochRow, summarize } from '@rrelu/trainer';

/** The escape character that starts every ANSI colour sequence. */
const ESCAPE = String.fromCharCode(27);

/** Final-epoch rows (epoch 3) of given test accuracies, one per seed. */
function runs(activation: string, batchNorm: boolean, accuracies: number[]): EpochRow[] {
  return accuracies.map((testAccuracy, index) => ({
    activation,
    batchNorm,
    seed: index + 1,
    epoch: 3,
    trainLoss: 0.05,
    trainAccuracy: 0.99,
    validationAccuracy: 0.97,
    testAccuracy,
    seconds: 10,
  }));
}

// relu 97 ± 0.1 % and rrelu 99 ± 0.1 % (std of 0.989, 0.990, 0.991 is 0.001), so that
// rrelu differs from relu without batch norm (t = 0.02 / √(2 · 1e-6 / 3) ≈ 24.5, df = 4).
const rows = [
  ...runs('relu', false, [0.969, 0.97, 0.971]),
  ...runs('rrelu', false, [0.989, 0.99, 0.991]),
  ...runs('relu', true, [0.981, 0.982, 0.983]),
  ...runs('rrelu', true, [0.98, 0.981, 0.982]),
];

describe('formatTable', () => {
  it('shows one row per activation with mean ± std per batch-norm setting', () => {
    const text = formatTable(summarize(rows), { color: false });
    const lines = text.split('\n');

    expect(text).not.toContain(ESCAPE);
    expect(lines[0]).toBe('Final test accuracy after 3 epochs, mean ± std over 3 seeds.');
    expect(text).toContain('test acc, no BN');
    expect(text).toContain('test acc, BN');
    expect(text).toContain('best, BN');
    expect(lines.filter((line) => line.includes('│ relu ')).length).toBe(1);
    expect(lines.find((line) => line.includes('│ rrelu '))).toMatch(
      /99\.00 ± 0\.10 %\*.*99\.00 % \(ep 3\).*98\.10 ± 0\.10 %.*98\.10 % \(ep 3\)/,
    );
    expect(text).toContain("Welch's t-test");
  });

  it('colours the header and the best mean when asked', () => {
    const text = formatTable(summarize(rows), { color: true });

    expect(text).toContain(`${ESCAPE}[`);
    expect(text).toContain('test acc, no BN');
  });

  it('drops the spread for a single seed and absent batch-norm columns', () => {
    const text = formatTable(summarize(runs('elu', false, [0.975])), { color: false });

    expect(text).toContain('97.50 %');
    expect(text).not.toContain('±');
    expect(text).not.toContain('test acc, BN');
    expect(text.split('\n')[0]).toBe('Final test accuracy after 3 epochs, one seed per setting.');
  });
});

describe('toMarkdown', () => {
  it('writes a caption, a GitHub table with the best mean in bold, and notes', () => {
    const markdown = toMarkdown(summarize(rows));
    const lines = markdown.split('\n');

    expect(markdown.endsWith('\n')).toBe(true);
    expect(lines).toContain('Final test accuracy after 3 epochs, mean ± std over 3 seeds.');
    expect(lines).toContain(
      '| activation | test acc, no BN | 95 % CI, no BN | best, no BN | test acc, BN | 95 % CI, BN | best, BN |',
    );
    expect(lines).toContain('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    // 95 % CI: mean ± t(0.975, 2)·std/√3 = ± 4.302653 · 0.10/√3 = ± 0.25 (Student's t table).
    expect(lines).toContain(
      '| rrelu | **99.00 ± 0.10 %\\*** | 98.75–99.25 % | 99.00 % (ep 3) | 98.10 ± 0.10 % | 97.85–98.35 % | 98.10 % (ep 3) |',
    );
    expect(markdown).toContain('\\* differs from relu');
  });

  it('escapes pipes and underscores in activation names', () => {
    const markdown = toMarkdown(summarize(runs('a|b_c', false, [0.9])));

    expect(markdown).toContain('| a\\|b\\_c | **90.00 %** | 90.00 % (ep 3) |');
  });
});

describe('without a validation split', () => {
  it('shows no best epoch instead of NaN', () => {
    const rows = runs('relu', false, [0.9]).map((row) => ({
      ...row,
      validationAccuracy: Number.NaN,
    }));
    const text = toMarkdown(summarize(rows));
    expect(text).not.toContain('NaN');
    expect(text).toContain('| relu | **90.00 %** | — |');
  });
});
