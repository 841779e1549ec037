import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The built CLI's entry point. */
export const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** Flags for a small, fast grid: 300 training, 100 validation, 200 test examples, hidden 32-16. */
export const SMALL = [
  '--train-size',
  '300',
  '--validation-size',
  '100',
  '--test-size',
  '200',
  '--hidden',
  '32,16',
];

/** Flags for a small three-epoch grid: 600 training, 100 validation, 200 test examples, hidden 32-16. */
export const SMALL_THREE_EPOCHS = [
  '--train-size',
  '600',
  '--validation-size',
  '100',
  '--test-size',
  '200',
  '--epochs',
  '3',
  '--hidden',
  '32,16',
];

/** Output of one CLI run. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; resolves with its exit code and output instead of throwing. */
export async function rrelu(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [MAIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...env },
      maxBuffer: 1 << 26,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A signal to send once stderr matches `after` (and every earlier signal was sent). */
export interface SignalStep {
  after: RegExp;
  signal: NodeJS.Signals;
}

/**
 * How long the process may live after its last signal before the helper
 * kills it with SIGKILL. A bound on waiting, not a timing assertion: a test
 * then fails on the exit code (null) instead of hanging.
 */
export const SIGNAL_EXIT_BOUND_MS = 60_000;

/**
 * Runs the CLI and sends each step's signal the first time stderr, from the
 * end of the previous match on, matches the step's pattern; resolves with
 * the exit code (-1 when a signal ended the process) and output.
 */
export function rreluInterrupted(
  args: string[],
  steps: readonly SignalStep[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult & { signalled: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    let signalled = 0;
    let searchFrom = 0;
    let bound: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      for (let step = steps[signalled]; step !== undefined; step = steps[signalled]) {
        const match = step.after.exec(stderr.slice(searchFrom));
        if (match === null) break;
        searchFrom += match.index + match[0].length;
        signalled += 1;
        child.kill(step.signal);
        if (signalled === steps.length) {
          bound = setTimeout(() => child.kill('SIGKILL'), SIGNAL_EXIT_BOUND_MS);
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(bound);
      resolve({ code: code ?? -1, stdout, stderr, signalled });
    });
  });
}
