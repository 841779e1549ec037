import path from 'node:path';
import { type Dataset, IdxError, loadMnist } from '@rrelu/data-mnist';
import { initBackend, saveTrainingState, train } from '@rrelu/trainer';
import { Command } from 'commander';
import { writeCheckpoint } from '../checkpoint-files.js';
import { DataError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { isFsError, probeFolder } from '../grid-run.js';
import { createProgress } from '../progress.js';
import { stringify } from '../results.js';
import { addRunFlags, runSpecFromFlags } from '../run-flags.js';
import { dataOptions, planCells } from '../run-spec.js';

/** The `train` command: one configuration, optionally saved as a checkpoint. */
export function trainCommand(): Command {
  const command = new Command('train').description(
    'train one configuration (one activation, batch norm on or off, one seed) and print its metrics; ' +
      '--save writes the trained model for evaluate and predict',
  );
  addRunFlags(command, { grid: false, workers: false })
    .option('--save <dir>', 'write the trained model (model.json, weights.bin) into this folder')
    .option('--json', 'print the run result as JSON on stdout', false)
    .action(async () => {
      const spec = await runSpecFromFlags(command);
      // A configuration file may describe a grid; train runs exactly one cell of it.
      if (spec.bn === 'both') {
        throw new UsageError('bn: train runs one configuration, so off or on; got "both"');
      }
      if (spec.activations.length !== 1 || spec.seeds !== 1) {
        throw new UsageError(
          `train runs one activation and one seed; got activations ${spec.activations.join(', ')} ` +
            `and ${spec.seeds} seeds (use compare for a grid)`,
        );
      }
      const [cell] = planCells(spec);
      if (cell === undefined) throw new Error('internal: no cell planned');
      const opts = command.opts();
      const saveDir = opts.save === undefined ? null : path.resolve(opts.save as string);
      // Find an unwritable --save folder before training, not after it.
      const probe = saveDir === null ? null : await probeFolder(saveDir, false);
      if (probe !== null) throw new UsageError(`--save ${saveDir}: cannot write there (${probe})`);

      const backend = await initBackend('wasm');
      let dataset: Dataset;
      try {
        dataset = await loadMnist(dataOptions(spec));
      } catch (error) {
        if (error instanceof IdxError || isFsError(error)) {
          throw new DataError(`cannot read the data: ${(error as Error).message}`);
        }
        throw error;
      }

      const abort = new AbortController();
      const onSignal = (signal: NodeJS.Signals) => {
        if (abort.signal.aborted) process.exit(signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm);
        abort.abort(signal);
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const progress = createProgress({
        stream: process.stderr,
        interactive: process.stderr.isTTY === true && process.env.CI === undefined,
        totalSteps: Math.ceil(dataset.train.count / cell.config.batchSize) * cell.config.epochs,
        workers: 1,
      });
      progress.log(`rrelu train: ${cell.id} (${backend.backend}, ${backend.threads} thread)`);
      progress.cellStart(0, cell);
      const result = await train(cell.config, dataset, {
        signal: abort.signal,
        onEvent: (event) => progress.event(0, cell, event),
        onTrained: async (state) => {
          if (saveDir === null || state.epoch === 0) return;
          const saved = await saveTrainingState({ ...state, classNames: dataset.classNames });
          await writeCheckpoint(saveDir, saved);
        },
      }).finally(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      });
      progress.cellEnd(0, { status: 'done', cell, result });
      progress.stop();
      if (saveDir !== null && result.epochs.length > 0) process.stderr.write(`saved: ${saveDir}\n`);
      const last = result.epochs.at(-1);
      process.stdout.write(
        opts.json === true
          ? `${stringify({ id: cell.id, backend, result })}\n`
          : `${cell.id}: ${last ? `test accuracy ${(100 * last.testAccuracy).toFixed(2)} %, test loss ${last.testLoss.toFixed(4)}` : 'no epoch finished'}\n`,
      );
      if (abort.signal.aborted)
        process.exitCode = abort.signal.reason === 'SIGTERM' ? EXIT.sigterm : EXIT.sigint;
      else if (result.divergence !== null) process.exitCode = EXIT.failed;
    });
  return command;
}
