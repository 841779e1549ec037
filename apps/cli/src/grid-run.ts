import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Dataset, IdxError, loadMnist } from '@rrelu/data-mnist';
import type { BackendInfo, Cell, RunResult, TrainEvent } from '@rrelu/trainer';
import picocolors from 'picocolors';
import { EXIT } from './exit-codes.js';
import { type CellOutcome, runCells } from './pool.js';
import { createProgress } from './progress.js';
import { removeUnfinishedWrites, writeFileAtomic, writeFileAtomicSync } from './report/index.js';
import { writeRunReport } from './report-files.js';
import { CELLS_DIR, loadCell, packageVersions, saveCell, stringify } from './results.js';
import { dataOptions, type RunSpec } from './run-spec.js';
import { handleSignals } from './signal-handler.js';
import { StepLog } from './step-log.js';

/** The plan a sharded run belongs to. */
export interface PlanInfo {
  hash: string;
  /** Ids of every cell of the whole plan, in its order. */
  cellIds: string[];
  /** `i/n`, or `cell <id>`, or null for the whole plan. */
  selection: string | null;
}

/** Options of {@link runGrid}. */
export interface GridRunOptions {
  tool: string;
  spec: RunSpec;
  /** The cells to run here, in the grid's order. */
  cells: Cell[];
  plan: PlanInfo | null;
  outDir: string;
  workers: number;
  /** Print the summary as JSON on stdout instead of the table. */
  json: boolean;
}

/**
 * Runs cells into an output folder and writes its report. Cells already
 * finished there (complete or diverged) are skipped; the rest run on the
 * worker pool. Every cell is saved as it ends; SIGINT/SIGTERM keep what
 * finished. A diverged cell is a result, not a failure. When a file cannot be
 * written (a full disk), the manifest is marked failed, no temporary file is
 * left and the error names the file. Returns the exit code.
 */
export async function runGrid(options: GridRunOptions): Promise<number> {
  const { spec, cells, outDir } = options;
  const stderr = process.stderr;
  const paint = picocolors.createColors(stderr.isTTY === true && !('NO_COLOR' in process.env));
  const fail = (code: number, message: string) => {
    stderr.write(`${paint.red('error')}: ${message}\n`);
    return code;
  };

  const probe = await probeFolder(outDir);
  if (probe !== null) return fail(EXIT.usage, `--out ${outDir}: cannot write there (${probe})`);

  let dataset: Dataset;
  try {
    dataset = await loadMnist({ ...dataOptions(spec), checksum: true });
  } catch (error) {
    if (error instanceof IdxError || isFsError(error)) {
      return fail(EXIT.data, `cannot read the data: ${(error as Error).message}`);
    }
    if (error instanceof RangeError) return fail(EXIT.usage, flagNamed(error.message));
    throw error;
  }

  const finished = new Map<string, RunResult>();
  const statuses = new Map<string, string>();
  for (const cell of cells) {
    const record = await loadCell(outDir, cell).catch(() => null);
    statuses.set(cell.id, record?.status ?? 'pending');
    if (record?.result && (record.status === 'complete' || record.status === 'diverged')) {
      finished.set(cell.id, record.result);
    }
  }
  const pending = cells.filter((cell) => !finished.has(cell.id));
  const workers = Math.max(1, Math.min(options.workers, pending.length));

  const manifest = {
    tool: options.tool,
    argv: process.argv.slice(2),
    status: 'running',
    startedAt: new Date().toISOString(),
    endedAt: null as string | null,
    config: spec,
    plan: options.plan,
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
    workers,
    resumed: finished.size,
    cells: cells.map((cell) => ({
      id: cell.id,
      config: cell.config,
      status: statuses.get(cell.id) ?? 'pending',
    })),
  };
  // Cells end on several workers at once: manifest writes go one after another,
  // and one failed write does not stop the later ones from being tried.
  const manifestPath = path.join(outDir, 'manifest.json');
  let manifestWrites = Promise.resolve();
  const writeManifest = () => {
    const text = `${stringify(manifest)}\n`;
    manifestWrites = manifestWrites
      .catch(() => undefined)
      .then(() => writeFileAtomic(manifestPath, text));
    return manifestWrites;
  };
  /** Marks the run failed in the manifest, as far as the disk allows. */
  const markFailed = async () => {
    manifest.status = 'failed';
    manifest.endedAt = new Date().toISOString();
    await writeManifest().catch(() => undefined);
  };
  /** Marks the run failed and says why a file could not be written. */
  const failWith = async (error: unknown) => {
    await markFailed();
    const message = error instanceof Error ? error.message : String(error);
    return fail(
      EXIT.failed,
      `${message}\nfinished cells are kept in ${path.join(outDir, CELLS_DIR)}; ` +
        'rerun into the same --out to resume and write the report',
    );
  };
  await writeManifest();

  const stepsPerCell = Math.ceil(dataset.train.count / spec.batchSize) * spec.epochs;
  const progress = createProgress({
    stream: stderr,
    interactive: stderr.isTTY === true && process.env.CI === undefined,
    totalSteps: stepsPerCell * Math.max(1, pending.length),
    workers,
  });
  progress.log(
    `${options.tool}: ${pending.length} of ${cells.length} runs to do` +
      (finished.size > 0 ? ` (${finished.size} already finished in this folder)` : '') +
      ` on ${workers} workers, ${dataset.train.count} training examples, ` +
      `${spec.epochs} epochs → ${outDir}`,
  );

  const stepLogs = new Map<string, StepLog>();
  const pool = runCells(
    pending,
    workers,
    { backend: 'wasm', data: dataOptions(spec) },
    {
      onReady: (_, backend) => {
        manifest.backend = backend;
      },
      onCellStart: (worker, cell) => {
        stepLogs.set(cell.id, new StepLog(dataset.train.count, cell.config.batchSize));
        progress.cellStart(worker, cell);
      },
      onEvent: (worker, cell, event: TrainEvent) => {
        stepLogs.get(cell.id)?.add(event);
        progress.event(worker, cell, event);
      },
      onCellEnd: async (worker, outcome) => {
        progress.cellEnd(worker, outcome);
        const record = await saveCell(outDir, outcome);
        const log = stepLogs.get(record.id);
        if (log !== undefined) {
          await writeFileAtomic(path.join(outDir, CELLS_DIR, `${record.id}.steps.csv`), log.csv());
        }
        const entry = manifest.cells.find((c) => c.id === record.id);
        if (entry) entry.status = record.status;
        await writeManifest();
      },
    },
  );

  const interruption = handleSignals({
    stop: () => pool.stop(),
    log: progress.log,
    beforeExit: () => {
      progress.stop();
      removeUnfinishedWrites();
      manifest.status = 'interrupted';
      manifest.endedAt = new Date().toISOString();
      writeFileAtomicSync(manifestPath, `${stringify(manifest)}\n`);
    },
  });
  let outcomes: CellOutcome[];
  try {
    outcomes = pending.length === 0 ? [] : await pool.done;
  } catch (error) {
    // A cell's result could not be saved (or a worker could not start): stop the others.
    await pool.kill();
    if (isFsError(causeOf(error))) return failWith(error);
    await markFailed();
    throw error;
  } finally {
    progress.stop();
    interruption.dispose();
  }

  for (const outcome of outcomes) {
    if (outcome.status === 'done' && !outcome.result.interrupted) {
      finished.set(outcome.cell.id, outcome.result);
    }
  }
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  manifest.status = interruption.signal ? 'interrupted' : failed > 0 ? 'failed' : 'complete';
  manifest.endedAt = new Date().toISOString();
  try {
    await writeManifest();
  } catch (error) {
    return failWith(error);
  }

  const results = cells.flatMap((cell) => finished.get(cell.id) ?? []);
  const diverged = cells.flatMap((cell) => {
    const divergence = finished.get(cell.id)?.divergence;
    return divergence ? [`${cell.id} at epoch ${divergence.epoch}, step ${divergence.step}`] : [];
  });
  // Cells that diverged in their first epoch have no epoch rows to report;
  // the summary's meta names every diverged cell.
  if (results.some((result) => result.epochs.length > 0)) {
    let summary: Awaited<ReturnType<typeof writeRunReport>>;
    try {
      summary = await writeRunReport(outDir, results, {
        manifest: 'manifest.json',
        status: manifest.status,
        diverged,
      });
    } catch (error) {
      if (isFsError(causeOf(error))) return failWith(error);
      await markFailed();
      throw error;
    }
    process.stdout.write(options.json ? `${stringify(summary.json)}\n` : `${summary.table}\n`);
  } else {
    if (options.json) process.stdout.write(`${stringify({ summary: [], rows: [] })}\n`);
    if (results.length > 0) stderr.write('no cell finished an epoch: no report written\n');
  }
  if (diverged.length > 0) {
    stderr.write(`${diverged.length} cell(s) diverged (loss NaN or ∞): ${diverged.join('; ')}\n`);
  }
  if (failed > 0) stderr.write(`${failed} cell(s) failed; see ${path.join(outDir, CELLS_DIR)}\n`);
  stderr.write(`results: ${outDir}\n`);

  if (interruption.signal === 'SIGINT') return EXIT.sigint;
  if (interruption.signal === 'SIGTERM') return EXIT.sigterm;
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

/**
 * Creates the folder and writes and removes a small file in it, so a
 * read-only folder or a full disk shows before any training. Returns the
 * reason it failed, or null. A results folder gets its `cells/` subfolder.
 */
export async function probeFolder(dir: string, results = true): Promise<string | null> {
  const probe = path.join(dir, `.rrelu-probe-${process.pid}`);
  try {
    await mkdir(results ? path.join(dir, CELLS_DIR) : dir, { recursive: true });
    await writeFileAtomic(probe, Buffer.alloc(64 * 1024));
    await rm(probe, { force: true });
    return null;
  } catch (error) {
    await rm(probe, { force: true }).catch(() => undefined);
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : (error as Error).message;
  }
}

/** A loader message with its option names as the flags that set them (trainSize → --train-size). */
function flagNamed(message: string): string {
  return message.replace(
    /\b(trainSize|validationSize|testSize)\b/g,
    (name) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
  );
}

export function isFsError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('E')
  );
}

/** The error a {@link writeFileAtomic} failure wraps, or the error itself. */
function causeOf(error: unknown): unknown {
  return error instanceof Error && error.cause !== undefined ? error.cause : error;
}
