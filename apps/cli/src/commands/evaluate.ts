import { CheckpointError } from '@rrelu/layers';
import { type Dataset, IdxError, loadMnist } from '@rrelu/data-mnist';
import { evaluate, initBackend, restoreTrainingState, type TrainingState } from '@rrelu/trainer';
import Table from 'cli-table3';
import { Command } from 'commander';
import { readCheckpoint } from '../checkpoint-files.js';
import { DataError } from '../errors.js';
import { isFsError } from '../grid-run.js';
import { wholeNumber } from '../options.js';
import { stringify } from '../results.js';

/** The `evaluate` command: a saved model on the test split. */
export function evaluateCommand(): Command {
  return new Command('evaluate')
    .description(
      'evaluate a model saved by `rrelu train --save`: accuracy, loss and confusion matrix ' +
        'on the test split',
    )
    .argument('<dir>', 'saved model folder (model.json, weights.bin)')
    .option('--data-dir <dir>', 'folder with the four IDX files (default: embedded MNIST)')
    .option(
      '--test-size <n>',
      'evaluate on the first N test examples only (default: all 10,000)',
      wholeNumber('--test-size', 1),
    )
    .option('--json', 'print the evaluation as JSON on stdout', false)
    .action(async (dir: string, opts: { dataDir?: string; testSize?: number; json: boolean }) => {
      await initBackend('wasm');
      const state = await loadModel(dir);
      try {
        const dataset = await loadData({
          dataDir: opts.dataDir,
          testSize: opts.testSize,
          validationSize: 0,
          trainSize: 2,
        });
        const classes = dataset.classNames.length;
        if (classes !== state.model.outputSize) {
          throw new DataError(
            `the model has ${state.model.outputSize} outputs but the data has ${classes} classes`,
          );
        }
        const result = evaluate(state.model, dataset.test, classes);
        if (opts.json) {
          process.stdout.write(`${stringify({ model: dir, ...result })}\n`);
          return;
        }
        process.stdout.write(
          `${dir}: ${result.count} test examples, ` +
            `accuracy ${(100 * result.accuracy).toFixed(2)} %, loss ${result.loss.toFixed(4)}\n`,
        );
        const table = new Table({
          head: ['label \\ predicted', ...dataset.classNames],
          style: { head: [], border: [], compact: true },
        });
        for (const [i, row] of result.confusion.entries()) {
          table.push([dataset.classNames[i] ?? String(i), ...row.map(String)]);
        }
        process.stdout.write(`${table.toString()}\n`);
      } finally {
        state.model.dispose();
        state.optimizer.dispose();
      }
    });
}

/** Reads and restores a saved model; a damaged or foreign folder is a data error (exit 3). */
export async function loadModel(dir: string): Promise<TrainingState> {
  try {
    return await restoreTrainingState(await readCheckpoint(dir));
  } catch (error) {
    if (error instanceof CheckpointError) throw new DataError(`${dir}: ${error.message}`);
    throw error;
  }
}

async function loadData(options: Parameters<typeof loadMnist>[0]): Promise<Dataset> {
  try {
    return await loadMnist(options);
  } catch (error) {
    if (error instanceof IdxError || isFsError(error)) {
      throw new DataError(`cannot read the data: ${(error as Error).message}`);
    }
    throw error;
  }
}
