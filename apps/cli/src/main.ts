#!/usr/bin/env node
import { IdxError } from '@rrelu/data-mnist';
import { Command, CommanderError } from 'commander';
import { activationsCommand } from './commands/activations.js';
import { compareCommand } from './commands/compare.js';
import { evaluateCommand } from './commands/evaluate.js';
import { mergeCommand } from './commands/merge.js';
import { planCommand } from './commands/plan.js';
import { plotCommand } from './commands/plot.js';
import { predictCommand } from './commands/predict.js';
import { runCommand } from './commands/run.js';
import { trainCommand } from './commands/train.js';
import { DataError, UsageError } from './errors.js';
import { EXIT } from './exit-codes.js';

const program = new Command('rrelu')
  .description(
    'Randomized leaky ReLU and its relatives on MNIST: train and compare activations ' +
      'with and without batch norm.',
  )
  .showHelpAfterError('(add --help for usage)')
  .exitOverride()
  .addCommand(compareCommand())
  .addCommand(trainCommand())
  .addCommand(evaluateCommand())
  .addCommand(predictCommand())
  .addCommand(planCommand())
  .addCommand(runCommand())
  .addCommand(mergeCommand())
  .addCommand(plotCommand())
  .addCommand(activationsCommand());

for (const command of program.commands)
  command.exitOverride().showHelpAfterError('(add --help for usage)');

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
    process.exitCode = quiet.includes(error.code) ? EXIT.ok : EXIT.usage;
  } else if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = EXIT.usage;
  } else if (error instanceof DataError || error instanceof IdxError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = EXIT.data;
  } else {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.failed;
  }
}
