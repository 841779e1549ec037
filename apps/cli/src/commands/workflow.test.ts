import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rrelu, rreluInterrupted, SMALL } from '../test-utils/cli.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'rrelu-workflow-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const json = async (file: string) => JSON.parse(await readFile(file, 'utf8'));
/** Summary rows without timing, which differs from run to run. */
const numbers = (summary: { meanEpochSeconds?: number }[]) =>
  summary.map(({ meanEpochSeconds, ...rest }) => rest);
/** metrics.csv without its last column (`seconds`). */
const withoutSeconds = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .map((line) => line.split(',').slice(0, -1).join(','));

describe('rrelu train, evaluate, predict', () => {
  let model: string;
  beforeAll(async () => {
    model = path.join(root, 'model');
    const train = await rrelu([
      'train',
      ...SMALL,
      '--activation',
      'rrelu',
      '--bn',
      'on',
      '--epochs',
      '2',
      '--save',
      model,
    ]);
    expect(train.code, train.stderr).toBe(0);
  });

  it('saves a checkpoint that evaluate reads back with the training run’s test accuracy', async () => {
    const manifest = await json(path.join(model, 'model.json'));
    expect(manifest.metadata.config).toMatchObject({ activation: 'rrelu', batchNorm: true });
    expect(manifest.weights.map((w: { name: string }) => w.name)).toContain(
      'optimizer/dense1/kernel/m',
    );
    const evaluation = await rrelu(['evaluate', model, '--test-size', '200', '--json']);
    expect(evaluation.code, evaluation.stderr).toBe(0);
    const result = JSON.parse(evaluation.stdout);
    expect(result.count).toBe(200);
    const table = await rrelu(['evaluate', model, '--test-size', '200']);
    expect(table.stdout).toContain('label \\ predicted');
    const trained = await rrelu([
      'train',
      ...SMALL,
      '--activation',
      'rrelu',
      '--bn',
      'on',
      '--epochs',
      '2',
      '--json',
    ]);
    expect(JSON.parse(trained.stdout).result.epochs.at(-1).testAccuracy).toBe(result.accuracy);
  });

  it('predicts a PNG and an IDX record: ten probabilities summing to 1', async () => {
    const png = new PNG({ width: 28, height: 28 });
    png.data.fill(0);
    for (let i = 3; i < 4 * 28 * 28; i += 4) png.data[i] = 255;
    const pngFile = path.join(root, 'digit.png');
    await writeFile(pngFile, PNG.sync.write(png));
    const fromPng = await rrelu(['predict', model, pngFile, '--json']);
    expect(fromPng.code, fromPng.stderr).toBe(0);
    const probabilities = Object.values(JSON.parse(fromPng.stdout).probabilities) as number[];
    expect(probabilities).toHaveLength(10);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);

    // IDX images: magic 2051, 2 images of 28 × 28, big-endian.
    const idx = Buffer.alloc(16 + 2 * 784);
    idx.writeUInt32BE(2051, 0);
    idx.writeUInt32BE(2, 4);
    idx.writeUInt32BE(28, 8);
    idx.writeUInt32BE(28, 12);
    const idxFile = path.join(root, 'two-images-idx3-ubyte');
    await writeFile(idxFile, idx);
    const fromIdx = await rrelu(['predict', model, idxFile, '--index', '1']);
    expect(fromIdx.code, fromIdx.stderr).toBe(0);
    expect(fromIdx.stdout).toMatch(/^predicted: \d/);
    const outOfRange = await rrelu(['predict', model, idxFile, '--index', '2']);
    expect(outOfRange.code).toBe(2);
    expect(outOfRange.stderr).toContain('--index must be below 2');
  });

  it('refuses a truncated or wrong-sized input with exit 3 and the reason', async () => {
    const small = new PNG({ width: 8, height: 8 });
    const smallFile = path.join(root, 'small.png');
    await writeFile(smallFile, PNG.sync.write(small));
    const wrongSize = await rrelu(['predict', model, smallFile]);
    expect(wrongSize.code).toBe(3);
    expect(wrongSize.stderr).toContain('image is 8×8, expected 28×28');

    const broken = path.join(root, 'broken');
    await rrelu(['train', ...SMALL, '--epochs', '1', '--save', broken]);
    const bytes = (await readFile(path.join(broken, 'weights.bin'))).length;
    await truncate(path.join(broken, 'weights.bin'), bytes - 8);
    const truncated = await rrelu(['evaluate', broken]);
    expect(truncated.code).toBe(3);
    expect(truncated.stderr).toContain(`weights data has ${bytes - 8} bytes`);
  });
});

describe('rrelu compare: presets, --rrelu, --json', () => {
  it('applies the torch preset and labels one row per RReLU convention', async () => {
    const out = path.join(root, 'torch');
    const args = ['compare', ...SMALL, '--epochs', '1', '--bn', 'on', '--preset', 'torch'];
    const result = await rrelu([
      ...args,
      '--activations',
      'relu,rrelu',
      '--rrelu',
      'paper,blog,torch',
      '--out',
      out,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout); // stdout holds the JSON and nothing else
    expect(summary.summary.map((s: { activation: string }) => s.activation)).toEqual([
      'relu',
      'rrelu-paper',
      'rrelu-blog',
      'rrelu-torch',
    ]);
    const manifest = await json(path.join(out, 'manifest.json'));
    expect(manifest.config).toMatchObject({ preset: 'torch', rrelu: ['paper', 'blog', 'torch'] });
    for (const cell of manifest.cells) {
      expect(cell.config).toMatchObject({ batchNormDecay: 0.9, batchNormEpsilon: 1e-5 });
    }
    expect(manifest.cells[3].config.activationOptions).toEqual({ preset: 'torch' });
    expect(manifest.backend.threads).toBe(1); // P14: the thread count actually used
    const files = await readdir(out);
    for (const name of ['error.svg', 'error.png', 'error.vl.json', 'figure.svg']) {
      expect(files).toContain(name);
    }
    const steps = await readFile(
      path.join(out, 'cells', `${manifest.cells[0].id}.steps.csv`),
      'utf8',
    );
    expect(steps.trim().split('\n')).toHaveLength(1 + Math.ceil(300 / 60));
  });

  it('uses the blog batch norm (decay 0.999, ε 1e-8) and blog RReLU with --preset blog', async () => {
    const out = path.join(root, 'blog');
    await rrelu(['plan', '--preset', 'blog', '--activations', 'rrelu', '--bn', 'on', '--out', out]);
    const plan = await json(out);
    expect(plan.cells[0].config).toMatchObject({
      batchNormDecay: 0.999,
      batchNormEpsilon: 1e-8,
      activationOptions: { preset: 'blog' },
    });
  });
});

describe('resume after SIGINT, sharding, determinism, crashes', () => {
  const grid = [
    '--activations',
    'relu,lrelu,elu',
    '--bn',
    'both',
    '--epochs',
    '2',
    '--workers',
    '1',
  ];
  let clean: { summary: unknown[] };
  let cleanCsv: string;

  beforeAll(async () => {
    const out = path.join(root, 'clean');
    const result = await rrelu(['compare', ...SMALL, ...grid, '--out', out, '--json']);
    expect(result.code, result.stderr).toBe(0);
    clean = JSON.parse(result.stdout);
    cleanCsv = await readFile(path.join(out, 'metrics.csv'), 'utf8');
  });

  it('gives byte-identical metrics.csv apart from seconds for the same run twice', async () => {
    const out = path.join(root, 'again');
    const again = await rrelu(['compare', ...SMALL, ...grid, '--out', out]);
    expect(again.code).toBe(0);
    const csv = await readFile(path.join(out, 'metrics.csv'), 'utf8');
    expect(withoutSeconds(csv)).toEqual(withoutSeconds(cleanCsv));
  });

  it('keeps finished cells on SIGINT (exit 130) and runs only the unfinished ones again', async () => {
    const out = path.join(root, 'resumed');
    const args = ['compare', ...SMALL, ...grid, '--out', out];
    const first = await rreluInterrupted(args, [
      { after: /\] done[^\n]*\n[^\n]*started/, signal: 'SIGINT' },
    ]);
    expect(first.code, first.stderr).toBe(130);
    const manifest = await json(path.join(out, 'manifest.json'));
    expect(manifest.status).toBe('interrupted');
    const finished = manifest.cells.filter((c: { status: string }) => c.status === 'complete');
    expect(finished.length).toBeGreaterThanOrEqual(1);
    expect(finished.length).toBeLessThan(6);
    // The cell running at the signal is kept, marked interrupted, with its finished epochs.
    for (const cell of manifest.cells.filter(
      (c: { status: string }) => c.status === 'interrupted',
    )) {
      const record = await json(path.join(out, 'cells', `${cell.id}.json`));
      expect(record.result.interrupted).toBe(true);
    }

    const second = await rrelu([...args, '--json']);
    expect(second.code, second.stderr).toBe(0);
    const started = second.stderr.split('\n').filter((line) => line.endsWith('] started'));
    expect(started).toHaveLength(6 - finished.length);
    expect(numbers(JSON.parse(second.stdout).summary)).toEqual(numbers(clean.summary as []));
  });

  it('merges shards 1/3, 2/3, 3/3 run in three processes into the unsharded summary', async () => {
    const parts = [1, 2, 3].map((i) => path.join(root, `shard${i}`));
    const runs = await Promise.all(
      parts.map((out, i) =>
        rrelu(['run', ...SMALL, ...grid, '--shard', `${i + 1}/3`, '--out', out]),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const merged = path.join(root, 'merged');
    const partial = await rrelu(['merge', parts[0] as string, '--out', merged]);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('missing 4 cells');
    const all = await rrelu(['merge', ...parts, '--out', merged, '--json']);
    expect(all.code, all.stderr).toBe(0);
    expect(numbers(JSON.parse(all.stdout).summary)).toEqual(numbers(clean.summary as []));

    const other = path.join(root, 'other-plan');
    await rrelu([
      'run',
      ...SMALL,
      '--activations',
      'relu',
      '--bn',
      'off',
      '--epochs',
      '1',
      '--out',
      other,
    ]);
    const mixed = await rrelu(['merge', parts[0] as string, other, '--out', merged]);
    expect(mixed.code).toBe(3);
    expect(mixed.stderr).toContain('do not belong to one plan');
  });

  it('marks the cell of a crashed worker failed, finishes the others and exits 1', async () => {
    const out = path.join(root, 'crash');
    const result = await rrelu(
      [
        'compare',
        ...SMALL,
        '--activations',
        'relu,elu',
        '--bn',
        'off',
        '--epochs',
        '1',
        '--workers',
        '1',
        '--out',
        out,
      ],
      { RRELU_TEST_CRASH_LABEL: 'relu' },
    );
    expect(result.code).toBe(1);
    const manifest = await json(path.join(out, 'manifest.json'));
    expect(manifest.status).toBe('failed');
    expect(manifest.cells.map((c: { status: string }) => c.status)).toEqual(['failed', 'complete']);
    const record = await json(path.join(out, 'cells', `${manifest.cells[0].id}.json`));
    expect(record.error).toContain('worker crashed');
  });
});

describe('bad input and help', () => {
  it('exits 2 naming the flag or key, the value and what is allowed', async () => {
    const cases: [string[], string][] = [
      [['compare', '--preset', 'keras'], '--preset must be one of paper, blog, torch, got "keras"'],
      [
        ['compare', '--rrelu', 'tf'],
        '--rrelu: unknown name "tf"; expected one of paper, torch, blog',
      ],
      [
        ['compare', '--hidden', '32,0'],
        '--hidden must be comma-separated whole numbers from 1 to 65536, got "32,0"',
      ],
      [['run', '--shard', '4/3'], '--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/3, got "4/3"'],
      [['train', '--bn', 'both'], '--bn must be one of off, on, got "both"'],
      [['compare', '--color'], "unknown option '--color'"],
    ];
    for (const [args, message] of cases) {
      const result = await rrelu(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it('reads a YAML or JSON configuration, lets flags override it and names a bad key', async () => {
    const yaml = path.join(root, 'config.yaml');
    await writeFile(yaml, 'activations: [relu]\nbn: "off"\nepochs: 3\nhidden: [8]\n');
    const plan = path.join(root, 'config-plan.json');
    const ok = await rrelu(['plan', '--config', yaml, '--epochs', '1', '--out', plan]);
    expect(ok.code, ok.stderr).toBe(0);
    const cells = (await json(plan)).cells;
    expect(cells).toHaveLength(1);
    expect(cells[0].config).toMatchObject({ epochs: 1, hidden: [8], batchNorm: false });

    const bad = path.join(root, 'bad.json');
    await writeFile(bad, JSON.stringify({ epochs: 0 }));
    const badValue = await rrelu(['plan', '--config', bad, '--out', plan]);
    expect(badValue.code).toBe(2);
    expect(badValue.stderr).toContain(`${bad}: key "epochs" = 0`);
    await writeFile(bad, JSON.stringify({ epoch: 2 }));
    const unknown = await rrelu(['plan', '--config', bad, '--out', plan]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown key "epoch"');
  });

  it('exits 2 before training when --out cannot be written', async () => {
    const file = path.join(root, 'a-file');
    await writeFile(file, 'x');
    const result = await rrelu(['compare', ...SMALL, '--out', path.join(file, 'sub')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot write there');
    expect(result.stderr).not.toContain('started');
  });

  it('lists every flag with its default in each command’s help', async () => {
    const expected: Record<string, string[]> = {
      compare: [
        '--preset',
        '--rrelu',
        '--json',
        '--config',
        '--hidden',
        '(default: "paper")',
        '(default: 60)',
      ],
      train: ['--activation', '--save', '(default: "relu")', '(default: "off")'],
      evaluate: ['--test-size', '--data-dir'],
      predict: ['--index', '(default: 0)'],
      plan: ['--out', '(default: "plan.json")'],
      run: ['--plan', '--shard', '--shard-count', '--cell', '(default: "results/run")'],
      merge: ['--out'],
      plot: ['--out'],
    };
    for (const [command, flags] of Object.entries(expected)) {
      const help = await rrelu([command, '--help']);
      expect(help.code).toBe(0);
      const text = help.stdout.replace(/\s+/g, ' ');
      for (const flag of flags) expect(text, `${command} ${flag}`).toContain(flag);
    }
  });
});
