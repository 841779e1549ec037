import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { REPORT_FILES, writeReport } from './write.js';
import { type EpochRow, type SummaryJson, toMetricsCsv } from '@rrelu/trainer';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'report-write-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeReport', () => {
  const rows: EpochRow[] = ['relu', 'rrelu'].flatMap((activation) =>
    [false, true].flatMap((batchNorm) =>
      [1, 2].flatMap((seed) =>
        [1, 2].map((epoch) => ({
          activation,
          batchNorm,
          seed,
          epoch,
          trainLoss: activation === 'rrelu' && seed === 2 ? Number.NaN : 0.2 / epoch,
          trainAccuracy: 0.95,
          validationAccuracy: 0.95 + 0.01 * epoch,
          testAccuracy: 0.95 + 0.01 * epoch + 0.001 * seed,
          seconds: 2,
        })),
      ),
    ),
  );

  it('writes the six report files atomically and returns their paths', async () => {
    const outDir = path.join(folder, 'nested', 'report');

    const paths = await writeReport(outDir, rows, { epochs: 2, seeds: [1, 2] });

    expect(paths).toEqual(Object.values(REPORT_FILES).map((name) => path.join(outDir, name)));
    expect((await readdir(outDir)).sort()).toEqual(Object.values(REPORT_FILES).sort());
    expect(await readFile(path.join(outDir, 'metrics.csv'), 'utf8')).toBe(toMetricsCsv(rows));
    const png = await readFile(path.join(outDir, 'figure.png'));
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(await readFile(path.join(outDir, 'figure.svg'), 'utf8')).toMatch(/^<svg/);
    expect(await readFile(path.join(outDir, 'summary.md'), 'utf8')).toContain('| rrelu |');
  });

  it('stores meta, camelCase rows and the summary in summary.json', async () => {
    await writeReport(folder, rows, { epochs: 2 });

    const json: SummaryJson = JSON.parse(await readFile(path.join(folder, 'summary.json'), 'utf8'));

    expect(json.meta).toEqual({ epochs: 2 });
    expect(json.rows).toHaveLength(rows.length);
    expect(Object.keys(json.rows[0] ?? {})).toEqual(Object.keys(rows[0]!));
    expect(json.rows.find((row) => row.trainLoss === null)).toBeDefined();
    expect(json.summary).toHaveLength(4);
    expect(json.summary[0]?.finalTestAccuracy.n).toBe(2);
    const spec: { config?: { font?: string } } = JSON.parse(
      await readFile(path.join(folder, 'figure.vl.json'), 'utf8'),
    );
    expect(spec.config?.font).toBe('DejaVu Sans');
  });

  it('rejects an empty run', async () => {
    await expect(writeReport(folder, [], {})).rejects.toThrow(/at least one epoch row, got 0/);
  });
});
