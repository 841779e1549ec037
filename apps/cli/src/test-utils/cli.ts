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

/**
 * Runs the CLI and sends `signal` the first time a stderr line matches
 * `trigger`; resolves with the exit code and output.
 */
export function rreluInterrupted(
  args: string[],
  trigger: RegExp,
  signal: NodeJS.Signals,
): Promise<CliResult & { signalled: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!signalled && trigger.test(stderr)) {
        signalled = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, signalled }));
  });
}
