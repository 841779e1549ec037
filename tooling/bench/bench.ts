/**
 * The speed benchmark: every target is a ratio measured in this one run, so
 * it holds on a noisy machine. Prints a human summary on stderr and, last,
 * one line of JSON on stdout; saves the figures to bench/results.json and
 * bench/README.md unless --no-save.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type Dataset, loadMnist } from '@rrelu/data-mnist';
import { buildModel, evaluate, initBackend, resolveRunConfig, train } from '@rrelu/trainer';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

const quick = process.argv.includes('--quick');
const save = !process.argv.includes('--no-save');
const root = path.resolve(path.dirname(new URL(importMetaUrlOf()).pathname), '../../..');
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Sizes: the full run takes a few minutes, --quick under one. */
const SIZE = quick
  ? { steps: 40, naiveSteps: 12, matmulReps: 20, workerTrain: 3000 }
  : { steps: 150, naiveSteps: 40, matmulReps: 60, workerTrain: 12000 };
const BATCH = 60;

const VARIANTS = [
  { key: 'relu', activation: 'relu', batchNorm: false },
  { key: 'rrelu', activation: 'rrelu', batchNorm: false },
  { key: 'prelu', activation: 'prelu', batchNorm: false },
  { key: 'elu', activation: 'elu', batchNorm: false },
  { key: 'relu+bn', activation: 'relu', batchNorm: true },
] as const;

async function main(): Promise<void> {
  const wasmDir = path.dirname(
    createRequire(path.join(root, 'tooling', 'package.json')).resolve(
      '@tensorflow/tfjs-backend-wasm/package.json',
    ),
  );
  setWasmPaths(`${path.join(wasmDir, 'dist')}/`);
  const backend = await initBackend('wasm');
  log(`backend ${backend.backend}, SIMD ${backend.simd}, threads ${backend.threads}`);

  const matmulGflops = measureMatmul();
  log(`matMul 60×784·784×1024: ${matmulGflops.toFixed(1)} GFLOP/s`);

  const data = await loadMnist({ validationSize: 0, trainSize: SIZE.steps * BATCH, testSize: 10 });
  const warmUp = await loadMnist({ validationSize: 0, trainSize: 600, testSize: 10 });
  await train({ activation: 'relu', epochs: 1 }, warmUp);

  const examplesPerSec: Record<string, number> = {};
  let tensorCountFlat = true;
  for (const variant of VARIANTS) {
    const counts: number[] = [];
    const result = await train({ ...variant, epochs: 1 }, data, {
      reportEvery: 10,
      onEvent: (event) => {
        if (event.type === 'step') counts.push(tf.memory().numTensors);
      },
    });
    tensorCountFlat &&= new Set(counts).size === 1;
    examplesPerSec[variant.key] = result.epochs[0]?.examplesPerSecond ?? Number.NaN;
    log(`${variant.key.padEnd(8)} ${examplesPerSec[variant.key]?.toFixed(0)} examples/s`);
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const evalSeconds = measureEvaluation(await loadMnist({ validationSize: 0, trainSize: 60 }));
  const relu = examplesPerSec.relu ?? Number.NaN;
  const epochSeconds = 55_000 / relu + 1.5 * evalSeconds; // 55,000 training + 15,000 evaluated
  log(
    `evaluation of 10,000 test images: ${evalSeconds.toFixed(2)} s; ` +
      `epoch ≈ ${epochSeconds.toFixed(1)} s`,
  );

  const naiveExamplesPerSec = measureNaive(data);
  log(`naive tfjs loop: ${naiveExamplesPerSec.toFixed(0)} examples/s`);

  const workers = measureWorkers();
  log(
    `grid throughput: 1 worker ${workers['1']?.toFixed(0)}, ` +
      `2 workers ${workers['2']?.toFixed(0)} examples/s`,
  );

  const torch = measureTorch();
  const figures = {
    date: new Date().toISOString(),
    quick,
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
    },
    matmulGflops,
    naiveExamplesPerSec,
    examplesPerSec,
    evalSeconds,
    epochSeconds,
    workers,
    peakRssMb,
    tensorCountFlat,
    ...(torch.examplesPerSec === null
      ? { torchNote: torch.note }
      : { torchExamplesPerSec: torch.examplesPerSec }),
    ratios: ratios(
      matmulGflops,
      naiveExamplesPerSec,
      examplesPerSec,
      evalSeconds,
      epochSeconds,
      workers,
    ),
  };
  if (save) saveFigures(figures);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/**
 * FLOPs one training example of 784 → 1024 → 128 → 10 executes: forward, dW
 * and dx, with no dx for layer 1.
 */
const FLOPS_PER_EXAMPLE = 2 * (784 * 1024 + 1024 * 128 + 128 * 10) * 3 - 2 * 784 * 1024;
/** The conventional count, 6 FLOPs per parameter per example (forward 2, backward 4). */
const PARAMETERS = 784 * 1024 + 1024 + 1024 * 128 + 128 + 128 * 10 + 10;
const CONVENTIONAL_FLOPS_PER_EXAMPLE = 6 * PARAMETERS;

function ratios(
  matmulGflops: number,
  naive: number,
  ours: Record<string, number>,
  evalSeconds: number,
  epochSeconds: number,
  workers: Record<string, number>,
) {
  const relu = ours.relu ?? Number.NaN;
  const stepRatio = (key: string) => relu / (ours[key] ?? Number.NaN); // step time relative to ReLU
  return {
    trainingGflops: (relu * FLOPS_PER_EXAMPLE) / 1e9,
    vsMatmul: (relu * FLOPS_PER_EXAMPLE) / 1e9 / matmulGflops,
    vsMatmulConventional: (relu * CONVENTIONAL_FLOPS_PER_EXAMPLE) / 1e9 / matmulGflops,
    vsNaive: relu / naive,
    rreluStep: stepRatio('rrelu'),
    batchNormStep: stepRatio('relu+bn'),
    preluStep: stepRatio('prelu'),
    eluStep: stepRatio('elu'),
    evalShareOfEpoch: evalSeconds / epochSeconds,
    twoWorkers: (workers['2'] ?? Number.NaN) / (workers['1'] ?? Number.NaN),
  };
}

function measureMatmul(): number {
  const a = tf.randomUniform([BATCH, 784]);
  const b = tf.randomUniform([784, 1024]);
  const times = Array.from({ length: SIZE.matmulReps + 5 }, () => {
    const start = performance.now();
    const c = tf.matMul(a, b); // no tidy: it would walk the returned array element by element
    c.dataSync();
    c.dispose();
    return performance.now() - start;
  }).slice(5);
  tf.dispose([a, b]);
  return (2 * BATCH * 784 * 1024) / median(times) / 1e6;
}

function measureEvaluation(dataset: Dataset): number {
  const config = resolveRunConfig({ activation: 'relu' });
  const model = buildModel(config, 784, 10, 1, 2);
  evaluate(model, { ...dataset.test, count: 1000 }, 10); // warm-up
  const start = performance.now();
  evaluate(model, dataset.test, 10);
  const seconds = (performance.now() - start) / 1000;
  model.dispose();
  return seconds;
}

/** tf.matMul layers, autodiff gradients and tfjs's Adam: what a first tfjs program does. */
function measureNaive(data: Dataset): number {
  const sizes = [784, 1024, 128, 10];
  const weights = sizes.slice(1).map((units, i) => {
    const fanIn = sizes[i] as number;
    const limit = Math.sqrt(6 / (fanIn + units));
    return {
      w: tf.variable(tf.randomUniform([fanIn, units], -limit, limit, 'float32', i)),
      b: tf.variable(tf.zeros([units])),
    };
  });
  const optimizer = tf.train.adam(1e-4);
  const x = tf.div(tf.tensor2d(data.train.pixels.subarray(0, BATCH * 784), [BATCH, 784]), 255);
  const labels = tf.oneHot(
    tf.tensor1d(Array.from(data.train.labels.subarray(0, BATCH)), 'int32'),
    10,
  );
  const step = () =>
    tf.tidy(() => {
      optimizer.minimize(() => {
        let h = x as tf.Tensor2D;
        weights.forEach(({ w, b }, i) => {
          const z = tf.add(tf.matMul(h, w), b) as tf.Tensor2D;
          h = i < weights.length - 1 ? tf.relu(z) : z;
        });
        return tf.losses.softmaxCrossEntropy(labels, h);
      });
    });
  for (let i = 0; i < 3; i++) step();
  const start = performance.now();
  for (let i = 0; i < SIZE.naiveSteps; i++) step();
  const seconds = (performance.now() - start) / 1000;
  optimizer.dispose();
  tf.dispose([x, labels, ...weights.flatMap(({ w, b }) => [w, b])]);
  return (SIZE.naiveSteps * BATCH) / seconds;
}

/** Grid examples per second of the CLI with 1 and 2 worker threads, two cells each. */
function measureWorkers(): Record<string, number> {
  const cli = path.join(root, 'apps', 'cli', 'dist', 'main.js');
  const out: Record<string, number> = {};
  for (const workers of [1, 2]) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rrelu-bench-'));
    const start = performance.now();
    execFileSync(
      process.execPath,
      [
        cli,
        'compare',
        '--activations',
        'relu,elu',
        '--bn',
        'off',
        '--epochs',
        '1',
        '--train-size',
        String(SIZE.workerTrain),
        '--validation-size',
        '0',
        '--test-size',
        '100',
        '--workers',
        String(workers),
        '--out',
        dir,
      ],
      { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, CI: '1' } },
    );
    const seconds = (performance.now() - start) / 1000;
    rmSync(dir, { recursive: true, force: true });
    out[String(workers)] = (2 * SIZE.workerTrain) / seconds;
  }
  return out;
}

/** The PyTorch reference step, when a Python with torch is on this machine. */
function measureTorch(): { examplesPerSec: number | null; note: string } {
  const script = path.join(root, 'tooling', 'torch_reference.py');
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
    if (probe.status !== 0) continue;
    const run = spawnSync(python, [script, '--bench', '--steps', String(SIZE.steps)], {
      encoding: 'utf8',
      env: { ...process.env, OMP_NUM_THREADS: '1' },
    });
    const line = run.stdout.trim().split('\n').at(-1) ?? '';
    try {
      const parsed = JSON.parse(line) as { examplesPerSec: number };
      log(`PyTorch (${python}, 1 thread): ${parsed.examplesPerSec.toFixed(0)} examples/s`);
      return { examplesPerSec: parsed.examplesPerSec, note: '' };
    } catch {
      return { examplesPerSec: null, note: `torch reference failed: ${run.stderr.slice(-300)}` };
    }
  }
  return {
    examplesPerSec: null,
    note: 'no Python with torch found (Debian: apt-get install python3-torch)',
  };
}

function saveFigures(figures: Record<string, unknown> & { date: string }): void {
  const file = path.join(root, 'bench', 'results.json');
  const history = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown[]) : [];
  history.push(figures);
  writeFileSync(file, `${JSON.stringify(history, null, 2)}\n`);
  writeFileSync(path.join(root, 'bench', 'README.md'), markdown(history as (typeof figures)[]));
}

function markdown(history: Array<Record<string, unknown>>): string {
  const row = (f: Record<string, unknown>) => {
    const ex = f.examplesPerSec as Record<string, number>;
    const w = f.workers as Record<string, number>;
    const r = f.ratios as Record<string, number>;
    const cells = [
      String(f.date).slice(0, 16),
      f.quick ? 'quick' : 'full',
      (f.matmulGflops as number).toFixed(1),
      (f.naiveExamplesPerSec as number).toFixed(0),
      ...['relu', 'rrelu', 'prelu', 'elu', 'relu+bn'].map((k) => (ex[k] ?? 0).toFixed(0)),
      (r.vsMatmul ?? 0).toFixed(2),
      (r.vsNaive ?? 0).toFixed(1),
      (w['1'] ?? 0).toFixed(0),
      (w['2'] ?? 0).toFixed(0),
      (f.peakRssMb as number).toFixed(0),
      f.torchExamplesPerSec === undefined ? '—' : (f.torchExamplesPerSec as number).toFixed(0),
    ];
    return `| ${cells.join(' | ')} |`;
  };
  return [
    '# Benchmark history',
    '',
    'Written by `pnpm bench` (tooling/bench). Examples per second of the comparison network',
    '(784 → 1024 → 128 → 10, batch 60, Adam) on the wasm SIMD backend, one thread per',
    'worker.',
    '',
    `| ${HISTORY_COLUMNS.join(' | ')} |`,
    `| --- | --- |${' ---: |'.repeat(HISTORY_COLUMNS.length - 2)}`,
    ...history.map(row),
    '',
  ].join('\n');
}

const HISTORY_COLUMNS = [
  'date (UTC)',
  'mode',
  'matMul GFLOP/s',
  'naive',
  'relu',
  'rrelu',
  'prelu',
  'elu',
  'relu+bn',
  '× matMul',
  '× naive',
  '1 worker',
  '2 workers',
  'peak RSS MB',
  'PyTorch',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function importMetaUrlOf(): string {
  return import.meta.url;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
