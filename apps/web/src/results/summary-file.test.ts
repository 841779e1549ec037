import { describe, expect, it } from 'vitest';
import { toSummaryJson } from './export-results.js';
import { MAX_SUMMARY_BYTES, rowsFromSummaryFile, type SummaryFile } from './summary-file.js';

/** A chosen file of `size` bytes; records whether its content was read. */
function chosen(name: string, size: number, content = ''): SummaryFile & { read: boolean } {
  const file = {
    name,
    size,
    read: false,
    text: async () => {
      file.read = true;
      return content;
    },
  };
  return file;
}

const row = {
  activation: 'relu',
  batchNorm: false,
  seed: 0,
  epoch: 1,
  trainLoss: 0.5,
  trainAccuracy: 0.8,
  validationAccuracy: 0.82,
  testAccuracy: 0.81,
  seconds: 1.5,
};

describe('rowsFromSummaryFile', () => {
  it('refuses a file over 20 MiB before reading it, naming the file and both sizes', async () => {
    const big = chosen('huge.json', MAX_SUMMARY_BYTES + 1);

    await expect(rowsFromSummaryFile(big)).rejects.toThrow(
      'huge.json is 20.1 MiB (20,971,521 bytes); the results page opens summary.json files ' +
        'up to 20.0 MiB',
    );
    expect(big.read).toBe(false);
    await expect(rowsFromSummaryFile(chosen('video.json', 3 * 1024 ** 3))).rejects.toThrow(
      'video.json is 3072.0 MiB (3,221,225,472 bytes)',
    );
  });

  it('reads a file of exactly 20 MiB or less with the checked parser', async () => {
    const text = toSummaryJson([row], {
      source: 'web',
      exportedAt: '2026-01-01T00:00:00.000Z',
      runs: [],
      backend: null,
    });
    const file = chosen('summary.json', MAX_SUMMARY_BYTES, text);

    expect(await rowsFromSummaryFile(file)).toEqual([row]);
    expect(file.read).toBe(true);
  });

  it('names the file and the faulty field of a malformed summary', async () => {
    const bad = chosen('bad.json', 40, '{"rows":[{"activation":"relu","batchNorm":"yes"}]}');

    await expect(rowsFromSummaryFile(bad)).rejects.toThrow(
      'bad.json: rows[0].batchNorm must be true or false',
    );
    await expect(rowsFromSummaryFile(chosen('empty.json', 0))).rejects.toThrow(
      /^empty\.json: summary\.json is not JSON/,
    );
  });
});
