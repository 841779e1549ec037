import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';
import { WORKSPACE_ROOT } from './public-packages.js';

/** What a finished command left behind. */
export interface RunResult {
  command: string;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time in milliseconds. */
  ms: number;
}

/** Options of {@link run}. */
export interface RunOptions {
  cwd: string;
  /** Extra variables on top of {@link cleanEnv}. */
  env?: Record<string, string>;
  /** Resolve instead of throwing when the command exits with a non-zero code. */
  allowFailure?: boolean;
  timeoutMs?: number;
}

/**
 * Runs a command without a shell and collects its output. A non-zero exit
 * throws an error carrying the command, its exit code and both streams,
 * unless `allowFailure` is set.
 */
export function run(
  file: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const command = [file, ...args].join(' ');
  const started = performance.now();

  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: { ...cleanEnv(), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 180_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const result = { command, code, stdout, stderr, ms: performance.now() - started };
      if (code === 0 || options.allowFailure) resolve(result);
      else reject(new Error(describeFailure(result, options.cwd)));
    });
  });
}

/**
 * The environment of the test process without what the workspace's package
 * manager and test runner add, so a consumer project behaves as it would on
 * a user's machine: no npm_*, PNPM_*, VITEST*, TURBO_* or NODE_OPTIONS, no
 * NODE_PATH (pnpm's shims point it at the workspace's packages, which
 * CommonJS resolution would otherwise find), and no PATH entries inside the
 * workspace.
 */
export function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(npm_|pnpm_|vitest|turbo_|node_options$|node_path$|init_cwd$)/i.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.startsWith(WORKSPACE_ROOT))
    .join(delimiter);
  return env;
}

/** Parses the last line of a command's stdout as JSON (fixtures print one result line). */
export function lastJsonLine<T>(result: RunResult): T {
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`${result.command}: expected a JSON line on stdout, got:\n${result.stdout}`);
  }
}

function describeFailure(result: RunResult, cwd: string): string {
  return [
    `${result.command} (in ${cwd}) exited with ${result.code}`,
    `--- stdout\n${result.stdout.trim()}`,
    `--- stderr\n${result.stderr.trim()}`,
  ].join('\n');
}
