#!/usr/bin/env node
import { CommanderError, Command } from 'commander';
import { compareCommand } from './commands/compare.js';
import { EXIT } from './exit-codes.js';

const program = new Command('rrelu')
  .description(
    'Randomized leaky ReLU and its relatives on MNIST: train and compare activations ' +
      'with and without batch norm.',
  )
  .showHelpAfterError('(add --help for usage)')
  .exitOverride()
  .addCommand(compareCommand());

for (const command of program.commands)
  command.exitOverride().showHelpAfterError('(add --help for usage)');

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
    process.exitCode = quiet.includes(error.code) ? EXIT.ok : EXIT.usage;
  } else {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.failed;
  }
}
