import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** Runs the built CLI; resolves with its exit code and output instead of throwing. */
async function rrelu(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [main, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 1 << 24,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('rrelu compare, end to end on embedded MNIST', () => {
  let dir: string;
  let result: { code: number; stdout: string; stderr: string };
  const epochs = 2;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rrelu-compare-'));
    result = await rrelu([
      'compare',
      '--train-size',
      '300',
      '--validation-size',
      '100',
      '--test-size',
      '400',
      '--epochs',
      String(epochs),
      '--hidden',
      '32,16',
      '--activations',
      'relu,lrelu,vlrelu,prelu,rrelu,elu',
      '--workers',
      '2',
      '--out',
      dir,
    ]);
  }, 300_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits 0 and prints one table row per activation', () => {
    expect(result.code, result.stderr).toBe(0);
    for (const name of ['relu', 'lrelu', 'vlrelu', 'prelu', 'rrelu', 'elu']) {
      expect(result.stdout).toMatch(new RegExp(`│ ${name}\\s+│`));
    }
  });

  it('writes every result file', async () => {
    const files = await readdir(dir);
    for (const name of [
      'manifest.json',
      'metrics.csv',
      'summary.json',
      'summary.md',
      'figure.vl.json',
      'figure.svg',
      'figure.png',
    ]) {
      expect(files).toContain(name);
    }
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes one metrics row per activation, batch-norm setting and epoch', async () => {
    const lines = (await readFile(path.join(dir, 'metrics.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).toBe(
      'activation,batchNorm,seed,epoch,trainLoss,trainAccuracy,validationAccuracy,testAccuracy,seconds',
    );
    expect(lines.length - 1).toBe(6 * 2 * epochs);
    const summary = JSON.parse(await readFile(path.join(dir, 'summary.json'), 'utf8'));
    expect(summary.rows).toHaveLength(6 * 2 * epochs);
    expect(Object.keys(summary.rows[0])).toEqual(lines[0]?.split(','));
  });

  it('records the configuration, seeds, versions and backend in the manifest', async () => {
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.status).toBe('complete');
    expect(manifest.backend).toMatchObject({ backend: 'wasm', simd: true, threads: 1 });
    expect(manifest.packages['@tensorflow/tfjs-core']).toBe('4.22.0');
    expect(manifest.data).toMatchObject({ train: 300, validation: 100, test: 400, verified: true });
    expect(manifest.cells).toHaveLength(12);
    expect(manifest.cells.every((c: { status: string }) => c.status === 'complete')).toBe(true);
    expect(manifest.startedAt <= manifest.endedAt).toBe(true);
    const cell = JSON.parse(
      await readFile(path.join(dir, 'cells', `${manifest.cells[0].id}.json`), 'utf8'),
    );
    expect(Object.keys(cell.result.seeds)).toEqual(['run', 'init', 'shuffle', 'noise']);
  });

  it('draws the figure as a PNG (signature 89 50 4E 47) and an SVG naming each activation', async () => {
    const png = await readFile(path.join(dir, 'figure.png'));
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const svg = await readFile(path.join(dir, 'figure.svg'), 'utf8');
    for (const name of ['relu', 'prelu', 'rrelu', 'elu', 'without batch norm', 'with batch norm']) {
      expect(svg).toContain(name);
    }
  });
});

describe('rrelu compare, bad input', () => {
  it('exits 2 naming the flag for an unknown activation or a bad number', async () => {
    const unknown = await rrelu(['compare', '--activations', 'relu,swish2']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown name "swish2"');
    const epochs = await rrelu(['compare', '--epochs', '0']);
    expect(epochs.code).toBe(2);
    expect(epochs.stderr).toContain('--epochs must be a whole number ≥ 1, got "0"');
    const flag = await rrelu(['compare', '--epoch', '3']);
    expect(flag.code).toBe(2);
  });

  it('exits 3 with the file and sizes when the data folder holds a truncated file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rrelu-bad-data-'));
    try {
      await writeFile(path.join(dir, 'train-images-idx3-ubyte'), Buffer.from([0, 0, 8, 3, 0, 0]));
      const bad = await rrelu(['compare', '--data-dir', dir, '--out', path.join(dir, 'out')]);
      expect(bad.code).toBe(3);
      expect(bad.stderr).toMatch(/cannot read the data/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints help listing every flag with its default', async () => {
    const help = await rrelu(['compare', '--help']);
    expect(help.code).toBe(0);
    for (const flag of [
      '--activations',
      '--bn',
      '--epochs',
      '--batch-size',
      '--lr',
      '--seed',
      '--seeds',
      '--train-size',
      '--out',
      '--data-dir',
      '--workers',
    ]) {
      expect(help.stdout).toContain(flag);
    }
    expect(help.stdout).toContain('(default: 60)');
  });
});
