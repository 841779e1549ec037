import path from 'node:path';
import { Command } from 'commander';
import { UsageError } from '../errors.js';
import { runGrid } from '../grid-run.js';
import { wholeNumber } from '../options.js';
import { makePlan, type PlanFile, readPlan, resolveShard, shardCells } from '../plan-file.js';
import { addRunFlags, runSpecFromFlags } from '../run-flags.js';
import { RUN_DEFAULTS } from '../run-spec.js';

/** The `run` command: one shard (or one cell) of a plan, for job arrays. */
export function runCommand(): Command {
  const command = new Command('run').description(
    'run part of a plan into a folder: a shard (--shard i/n, JOB_COMPLETION_INDEX, ' +
      'SLURM_ARRAY_TASK_ID) or one --cell; combine the folders with `rrelu merge`',
  );
  addRunFlags(command, { grid: true, workers: true })
    .option('--plan <file>', 'plan file from `rrelu plan` (default: the plan of the run flags)')
    .option('--shard <i/n>', 'run the i-th of n shards (1-based)')
    .option(
      '--shard-count <n>',
      'number of shards when the index comes from JOB_COMPLETION_INDEX',
      wholeNumber('--shard-count', 1),
    )
    .option('--cell <id>', 'run only this cell')
    .option('--out <dir>', 'output folder', 'results/run')
    .option('--json', 'print the summary as JSON on stdout', false)
    .action(async () => {
      const opts = command.opts();
      const spec = await runSpecFromFlags(command);
      const plan: PlanFile =
        opts.plan === undefined ? makePlan(spec) : await readPlan(opts.plan as string);
      const shard =
        opts.cell === undefined ? resolveShard(opts.shard, opts.shardCount, process.env) : null;
      let cells = plan.cells;
      if (opts.cell !== undefined) {
        cells = plan.cells.filter((cell) => cell.id === opts.cell);
        if (cells.length === 0) {
          throw new UsageError(
            `--cell "${opts.cell}" is not in the plan; ` +
              `its cells: ${plan.cells.map((c) => c.id).join(', ')}`,
          );
        }
      } else if (shard !== null) {
        cells = shardCells(plan.cells, shard);
      }
      const outDir = path.resolve((opts.out as string) ?? 'results/run');
      const workers =
        command.getOptionValueSource('workers') === 'cli' ? spec.workers : RUN_DEFAULTS.workers;
      process.exitCode = await runGrid({
        tool: 'rrelu run',
        spec: { ...plan.config, workers, out: outDir },
        cells,
        plan: {
          hash: plan.hash,
          cellIds: plan.cells.map((cell) => cell.id),
          selection:
            opts.cell !== undefined
              ? `cell ${opts.cell}`
              : shard === null
                ? null
                : `${shard.index}/${shard.count}`,
        },
        outDir,
        workers,
        json: opts.json === true,
      });
    });
  return command;
}
