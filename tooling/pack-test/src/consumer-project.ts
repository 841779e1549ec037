import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunResult, run } from './run.js';

/** Folder of the fixture programs the consumer projects run. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** An empty npm project outside the workspace with some tarballs installed. */
export interface ConsumerProject {
  name: string;
  dir: string;
  install: RunResult;
}

/** Options of {@link createProject}. */
export interface ProjectOptions {
  /** Tarball paths and registry specs (`name@version`) to install. */
  install: readonly string[];
  /** Fixture files copied into the project before installing. */
  fixtures?: readonly string[];
  /** Extra npm flags, e.g. `--legacy-peer-deps`. */
  npmFlags?: readonly string[];
}

/**
 * Creates `<root>/<name>` with a minimal ESM package.json and runs one
 * `npm install` of the given tarballs and registry packages there. npm uses
 * its local cache first (`--prefer-offline`); only npm packages can come
 * from the registry: every @rrelu package must resolve to a tarball, which
 * {@link rreluSources} checks afterwards.
 */
export async function createProject(
  root: string,
  name: string,
  options: ProjectOptions,
): Promise<ConsumerProject> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  const manifest = { name: `pack-test-${name}`, version: '1.0.0', private: true, type: 'module' };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const fixture of options.fixtures ?? []) {
    await copyFile(join(FIXTURES, fixture), join(dir, fixture));
  }

  const install = await run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...(options.npmFlags ?? []),
      ...options.install,
    ],
    { cwd: dir },
  );
  return { name, dir, install };
}

/** Where npm took each installed @rrelu package from, by install path. */
export async function rreluSources(project: ConsumerProject): Promise<Record<string, string>> {
  const lock = JSON.parse(await readFile(join(project.dir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { resolved?: string; version?: string }>;
  };
  return Object.fromEntries(
    Object.entries(lock.packages)
      .filter(([path]) => path.includes('node_modules/@rrelu/'))
      .map(([path, entry]) => [path, entry.resolved ?? '(none)']),
  );
}

/** Runs `node <args>` in a project. */
export function node(
  project: ConsumerProject,
  args: readonly string[],
  allowFailure = false,
): Promise<RunResult> {
  return run(process.execPath, args, { cwd: project.dir, allowFailure });
}

/**
 * The first ```ts block under a README's "## Example" heading: the program
 * the README promises works. Throws when the README has none.
 */
export function readmeExample(readme: string, source: string): string {
  const section = readme.split(/^## /m).find((part) => /^Example/.test(part));
  const code = section?.match(/```ts\n([\s\S]*?)```/)?.[1];
  if (code === undefined) throw new Error(`${source}: no \`\`\`ts block under "## Example"`);
  return code;
}
