import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ACTIVATION_NAMES } from '@rrelu/activations';
import { type Dataset, IdxError, loadMnist } from '@rrelu/data-mnist';
import { type BackendInfo, type Cell, planGrid, type RunResult } from '@rrelu/trainer';
import { Command } from 'commander';
import picocolors from 'picocolors';
import { EXIT } from '../exit-codes.js';
import { listOf, oneOf, positiveNumber, wholeNumber } from '../options.js';
import { type CellOutcome, runCells } from '../pool.js';
import { createProgress } from '../progress.js';
import { formatTable, summarize, writeFileAtomic, writeReport } from '../report/index.js';
import { epochRows, packageVersions, saveCell, stringify } from '../results.js';

/** Parsed flags of `rrelu compare`. */
export interface CompareFlags {
  activations: string[];
  bn: 'off' | 'on' | 'both';
  epochs: number;
  batchSize: number;
  lr: number;
  seed: number;
  seeds: number;
  trainSize?: number;
  validationSize: number;
  testSize?: number;
  out?: string;
  dataDir?: string;
  workers: number;
}

/** The `compare` command: the activation × batch-norm × seed grid on MNIST. */
export function compareCommand(): Command {
  return new Command('compare')
    .description(
      'train the comparison network once per activation, without and with batch norm, ' +
        'and write a table, metrics and figures',
    )
    .option(
      '--activations <list>',
      `comma-separated activations (${ACTIVATION_NAMES.join(', ')})`,
      listOf('--activations', ACTIVATION_NAMES),
      [...ACTIVATION_NAMES],
    )
    .option(
      '--bn <mode>',
      'batch norm: off, on or both',
      oneOf('--bn', ['off', 'on', 'both'] as const),
      'both',
    )
    .option('--epochs <n>', 'epochs per run', wholeNumber('--epochs', 1), 10)
    .option('--batch-size <n>', 'examples per training step', wholeNumber('--batch-size', 2), 60)
    .option('--lr <rate>', 'Adam learning rate', positiveNumber('--lr'), 1e-4)
    .option('--seed <n>', 'first run seed', wholeNumber('--seed', 0), 0)
    .option(
      '--seeds <n>',
      'number of seeds (seed, seed + 1, …)',
      wholeNumber('--seeds', 1, 1000),
      1,
    )
    .option(
      '--train-size <n>',
      'use only the first N training examples (default: all 55,000)',
      wholeNumber('--train-size', 2),
    )
    .option(
      '--validation-size <n>',
      'training examples held out for validation',
      wholeNumber('--validation-size', 0),
      5000,
    )
    .option(
      '--test-size <n>',
      'evaluate on the first N test examples only (default: all 10,000)',
      wholeNumber('--test-size', 1),
    )
    .option('--out <dir>', 'output folder (default: results/<timestamp>)')
    .option(
      '--data-dir <dir>',
      'folder with the four IDX files, raw or .gz (default: embedded MNIST)',
    )
    .option(
      '--workers <n>',
      'parallel worker threads',
      wholeNumber('--workers', 1, 64),
      os.availableParallelism(),
    )
    .action(async (flags: CompareFlags) => {
      process.exitCode = await runCompare(flags);
    });
}

/** Runs the grid; returns the process exit code. */
export async function runCompare(flags: CompareFlags): Promise<number> {
  const stderr = process.stderr;
  const color = stderr.isTTY === true && !('NO_COLOR' in process.env);
  const paint = picocolors.createColors(color);
  const outDir = path.resolve(flags.out ?? path.join('results', timestamp()));
  const dataOptions = {
    ...(flags.dataDir === undefined ? {} : { dataDir: path.resolve(flags.dataDir) }),
    ...(flags.trainSize === undefined ? {} : { trainSize: flags.trainSize }),
    ...(flags.testSize === undefined ? {} : { testSize: flags.testSize }),
    validationSize: flags.validationSize,
  };

  let dataset: Dataset;
  try {
    dataset = await loadMnist({ ...dataOptions, checksum: true });
  } catch (error) {
    if (error instanceof IdxError || isFsError(error)) {
      stderr.write(`${paint.red('error')}: cannot read the data: ${(error as Error).message}\n`);
      return EXIT.data;
    }
    throw error;
  }

  const seeds = Array.from({ length: flags.seeds }, (_, i) => flags.seed + i);
  const cells = planGrid({
    activations: flags.activations.map((activation) => ({ activation })),
    batchNorm: flags.bn === 'both' ? [false, true] : [flags.bn === 'on'],
    seeds,
    base: {
      epochs: flags.epochs,
      batchSize: flags.batchSize,
      optimizer: { name: 'adam', learningRate: flags.lr },
    },
  });

  await mkdir(outDir, { recursive: true });
  const startedAt = new Date().toISOString();
  const manifest = {
    tool: 'rrelu compare',
    argv: process.argv.slice(2),
    status: 'running' as string,
    startedAt,
    endedAt: null as string | null,
    flags,
    data: {
      name: dataset.name,
      source: dataset.source,
      train: dataset.train.count,
      validation: dataset.validation.count,
      test: dataset.test.count,
      sha256: dataset.sha256 ?? null,
      verified: dataset.verified ?? null,
    },
    packages: packageVersions(),
    node: process.version,
    backend: null as BackendInfo | null,
    workers: Math.min(flags.workers, cells.length),
    cells: cells.map((cell) => ({ id: cell.id, config: cell.config, status: 'pending' as string })),
  };
  const writeManifest = () =>
    writeFileAtomic(path.join(outDir, 'manifest.json'), `${stringify(manifest)}\n`);
  await writeManifest();

  const stepsPerCell = Math.ceil(dataset.train.count / flags.batchSize) * flags.epochs;
  const progress = createProgress({
    stream: stderr,
    interactive: stderr.isTTY === true && process.env.CI === undefined,
    totalSteps: stepsPerCell * cells.length,
    workers: manifest.workers,
  });
  progress.log(
    `rrelu compare: ${cells.length} runs on ${manifest.workers} workers, ` +
      `${dataset.train.count} training examples, ${flags.epochs} epochs → ${outDir}`,
  );

  const pool = runCells(
    cells,
    flags.workers,
    { backend: 'wasm', data: dataOptions },
    {
      onReady: (_, backend) => {
        manifest.backend = backend;
      },
      onCellStart: (worker, cell) => progress.cellStart(worker, cell),
      onEvent: (worker, cell, event) => progress.event(worker, cell, event),
      onCellEnd: async (worker, outcome) => {
        progress.cellEnd(worker, outcome);
        const record = await saveCell(outDir, outcome);
        const entry = manifest.cells.find((c) => c.id === record.id);
        if (entry) entry.status = record.status;
        await writeManifest();
      },
    },
  );

  const interruption = handleSignals(pool, progress.log);
  let outcomes: CellOutcome[];
  try {
    outcomes = await pool.done;
  } finally {
    progress.stop();
    interruption.dispose();
  }

  const results = outcomes.flatMap((o) => (o.status === 'done' ? [o.result] : []));
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  manifest.status = interruption.signal ? 'interrupted' : failed > 0 ? 'failed' : 'complete';
  manifest.endedAt = new Date().toISOString();
  await writeManifest();

  const rows = orderRows(results, cells);
  if (rows.length > 0) {
    await writeReport(outDir, rows, { manifest: 'manifest.json', status: manifest.status });
    process.stdout.write(
      `${formatTable(summarize(rows), { color: process.stdout.isTTY === true && !('NO_COLOR' in process.env) })}\n`,
    );
  }
  stderr.write(`results: ${outDir}\n`);

  if (interruption.signal === 'SIGINT') return EXIT.sigint;
  if (interruption.signal === 'SIGTERM') return EXIT.sigterm;
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

/** Rows in the grid's order (activation, batch norm, seed), whatever order cells finished in. */
function orderRows(results: RunResult[], cells: Cell[]) {
  const rank = new Map(
    cells.map((cell, i) => [
      `${cell.config.label}|${cell.config.batchNorm}|${cell.config.seed}`,
      i,
    ]),
  );
  const key = (r: RunResult) =>
    rank.get(`${r.config.label}|${r.config.batchNorm}|${r.config.seed}`) ?? 0;
  return [...results].sort((a, b) => key(a) - key(b)).flatMap(epochRows);
}

/**
 * First SIGINT/SIGTERM: workers stop after their current step and what
 * finished is written. Second: exit at once.
 */
function handleSignals(pool: ReturnType<typeof runCells>, log: (line: string) => void) {
  const state: { signal: NodeJS.Signals | null; dispose(): void } = {
    signal: null,
    dispose: () => {},
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.signal !== null) {
      void pool
        .kill()
        .finally(() => process.exit(signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm));
      return;
    }
    state.signal = signal;
    log(`${signal}: stopping after the current step and saving what finished (again to quit now)`);
    pool.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  state.dispose = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return state;
}

function isFsError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('E')
  );
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}
