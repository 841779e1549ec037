import path from 'node:path';
import { Command } from 'commander';
import { UsageError } from '../errors.js';
import { runGrid } from '../grid-run.js';
import { addRunFlags, runSpecFromFlags } from '../run-flags.js';
import { planCells } from '../run-spec.js';

/** The `compare` command: the activation × batch-norm × seed grid on MNIST. */
export function compareCommand(): Command {
  const command = new Command('compare').description(
    'train the comparison network once per activation, without and with batch norm, ' +
      'and write a table, metrics and figures; rerun into the same --out to resume',
  );
  addRunFlags(command, { grid: true, workers: true })
    .option('--out <dir>', 'output folder (default: results/<timestamp>)')
    .option('--json', 'print the summary as JSON on stdout (progress stays on stderr)', false)
    .action(async () => {
      const spec = await runSpecFromFlags(command);
      if (spec.out?.trim() === '') throw new UsageError('--out must name a folder, got ""');
      const outDir = path.resolve(spec.out ?? path.join('results', timestamp()));
      process.exitCode = await runGrid({
        tool: 'rrelu compare',
        spec: { ...spec, out: outDir },
        cells: planCells(spec),
        plan: null,
        outDir,
        workers: spec.workers,
        json: command.opts().json === true,
      });
    });
  return command;
}

/** The current time as a folder name, `2024-05-01_12-30-00`. */
export function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}
