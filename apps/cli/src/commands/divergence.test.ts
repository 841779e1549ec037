import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rrelu, SMALL_THREE_EPOCHS } from '../test-utils/cli.js';

// Adam at learning rate 1e20 on 600 examples: without batch norm the weights
// overflow float32 after the first update and the second step's loss is NaN
// (seeded, so the same every run). With batch norm ReLU keeps a finite loss
// for the 3 epochs, which gives a grid with one diverged and one complete cell.
const DIVERGING = ['compare', ...SMALL_THREE_EPOCHS, '--lr', '1e20', '--workers', '1'];
const NOT_FINITE = ['NaN', 'Infinity', '-Infinity']; // how cells/<id>.json spells them

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'rrelu-divergence-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const json = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

interface ManifestCell {
  id: string;
  status: string;
  config: { batchNorm: boolean };
}

describe('rrelu compare with a diverging cell', () => {
  it('records the divergence as the cell’s result, runs the next cell and exits 0', async () => {
    const out = path.join(root, 'mixed');

    const run = await rrelu([
      ...DIVERGING,
      '--activations',
      'relu',
      '--bn',
      'both',
      '--out',
      out,
      '--json',
    ]);

    expect(run.code, run.stderr).toBe(0);
    const manifest = await json(path.join(out, 'manifest.json'));
    expect(manifest.status).toBe('complete');
    const [plain, normed] = manifest.cells as ManifestCell[];
    expect([plain?.config.batchNorm, plain?.status]).toEqual([false, 'diverged']);
    expect([normed?.config.batchNorm, normed?.status]).toEqual([true, 'complete']);

    const record = await json(path.join(out, 'cells', `${plain?.id}.json`));
    expect(record.status).toBe('diverged');
    expect(record.result.epochs).toEqual([]);
    const { epoch, step, loss, lastFiniteLoss } = record.result.divergence;
    expect(epoch).toBe(1);
    expect(Number.isInteger(step) && step >= 1 && step <= 10).toBe(true);
    expect(NOT_FINITE).toContain(loss);
    expect(Number.isFinite(lastFiniteLoss)).toBe(true);

    // The grid went on: the batch-norm cell started after the divergence and is reported.
    const lines = run.stderr.split('\n');
    const divergedAt = lines.findIndex((line) => line.startsWith(`[${plain?.id}] diverged`));
    const nextStarted = lines.indexOf(`[${normed?.id}] started`);
    expect(divergedAt).toBeGreaterThanOrEqual(0);
    expect(nextStarted).toBeGreaterThan(divergedAt);
    expect(run.stderr).toContain(
      `1 cell(s) diverged (loss NaN or ∞): ${plain?.id} at epoch 1, step ${step}`,
    );
    const written = await json(path.join(out, 'summary.json'));
    expect(written.meta.diverged).toEqual([`${plain?.id} at epoch 1, step ${step}`]);
    const summary = JSON.parse(run.stdout);
    expect(summary.rows.map((row: { batchNorm: boolean }) => row.batchNorm)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('exits 0 with no report when every cell diverges in epoch 1; resume skips them', async () => {
    const out = path.join(root, 'all');
    const args = [...DIVERGING, '--activations', 'relu,elu', '--bn', 'off', '--out', out];

    const run = await rrelu([...args, '--json']);

    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ summary: [], rows: [] });
    expect(run.stderr).toContain('no cell finished an epoch: no report written');
    expect(run.stderr).toContain('2 cell(s) diverged');
    const manifest = await json(path.join(out, 'manifest.json'));
    expect(manifest.status).toBe('complete');
    expect(manifest.cells.map((cell: ManifestCell) => cell.status)).toEqual([
      'diverged',
      'diverged',
    ]);
    expect((await readdir(out)).sort()).toEqual(['cells', 'manifest.json']);

    const again = await rrelu(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('0 of 2 runs to do (2 already finished in this folder)');
    expect(again.stderr).not.toContain('started');
  });
});
