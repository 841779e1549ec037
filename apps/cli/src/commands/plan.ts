import path from 'node:path';
import { Command } from 'commander';
import { makePlan } from '../plan-file.js';
import { writeFileAtomic } from '../report/index.js';
import { stringify } from '../results.js';
import { addRunFlags, runSpecFromFlags } from '../run-flags.js';

/** The `plan` command: writes plan.json (every cell with its id and configuration, and a hash). */
export function planCommand(): Command {
  const command = new Command('plan').description(
    'write plan.json: every cell of a comparison with its id and configuration, and the plan hash, ' +
      'for `rrelu run --plan` on many machines',
  );
  addRunFlags(command, { grid: true, workers: false })
    .option('--out <file>', 'plan file to write', 'plan.json')
    .action(async () => {
      const spec = await runSpecFromFlags(command);
      const plan = makePlan(spec);
      const file = path.resolve(command.opts().out as string);
      await writeFileAtomic(file, `${stringify(plan)}\n`);
      process.stderr.write(
        `${plan.cells.length} cells, plan ${plan.hash.slice(0, 12)} → ${file}\n`,
      );
    });
  return command;
}
