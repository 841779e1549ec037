import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser, runInChromium } from './browser.js';
import {
  type ConsumerProject,
  createProject,
  node,
  readmeExample,
  rreluSources,
} from './consumer-project.js';
import { type PackedPackage, packPackage, pnpmCommand } from './pack.js';
import {
  PUBLIC_PACKAGES,
  type PublicPackage,
  packageRoot,
  TFJS,
  WORKSPACE_ROOT,
} from './public-packages.js';
import { type RunResult, lastJsonLine, run } from './run.js';
import { checkTarball } from './tarball-checks.js';

/**
 * Proof by installation: the public packages are built, packed with
 * `pnpm pack`, installed from their tarballs into empty npm projects in a
 * temporary folder outside the workspace, and used there the way users use
 * them: plain Node ESM, CommonJS, a browser bundle in Chromium, the data
 * package alone and a TypeScript consumer. Set PACK_TEST_KEEP=1 to keep the
 * temporary folder.
 */

const require = createRequire(import.meta.url);
const timings: { step: string; seconds: number }[] = [];
const packed = new Map<string, PackedPackage>();
const projects = new Map<string, ConsumerProject>();
const attwRuns = new Map<string, Promise<RunResult>>();
let root = '';

beforeAll(async () => {
  await timed('build (turbo, cached when up to date)', buildPackages);
  root = await mkdtemp(join(tmpdir(), 'rrelu-pack-test-'));

  await timed('pnpm pack × 4 (in parallel)', async () => {
    const tarballs = join(root, 'tarballs');
    const results = await Promise.all(PUBLIC_PACKAGES.map((pkg) => packPackage(pkg, tarballs)));
    for (const result of results) packed.set(result.pkg.name, result);
  });
  for (const pkg of PUBLIC_PACKAGES) attwRuns.set(pkg.name, attw(tarballOf(pkg.name)));

  const activations = tarballOf('@rrelu/activations');
  const layers = tarballOf('@rrelu/layers');
  const dataMnist = tarballOf('@rrelu/data-mnist');
  const trainer = tarballOf('@rrelu/trainer');
  await timed('npm install × 4 projects (in parallel)', async () => {
    const made = await Promise.all([
      createProject(root, 'node-esm', {
        install: [activations, layers, TFJS.core, TFJS.wasm, TFJS.cpu],
        fixtures: ['train-steps.mjs', 'require.cjs', 'browser-entry.mjs'],
      }),
      createProject(root, 'data-only', {
        install: [dataMnist],
        fixtures: ['load-mnist.mjs'],
      }),
      createProject(root, 'everything', {
        install: [activations, layers, dataMnist, trainer],
        fixtures: ['consumer.ts', 'cpu-backend.mjs'],
      }),
      createProject(root, 'no-peer', {
        install: [activations],
        fixtures: ['import-activations.mjs'],
        npmFlags: ['--legacy-peer-deps'],
      }),
    ]);
    for (const project of made) projects.set(project.name, project);
  });
});

afterAll(async () => {
  const width = Math.max(...timings.map((t) => t.step.length));
  const table = timings.map((t) => `${t.step.padEnd(width)}  ${t.seconds.toFixed(1)} s`);
  console.log(`install test timings (temp folder ${root})\n${table.join('\n')}`);
  if (root !== '' && process.env.PACK_TEST_KEEP !== '1') {
    await rm(root, { recursive: true, force: true });
  }
});

describe.each(PUBLIC_PACKAGES)('tarball of $name', (pkg: PublicPackage) => {
  it('holds exactly the files the package needs, and a publishable package.json', async () => {
    const version = await workspaceVersion(pkg);

    expect(await checkTarball(packedOf(pkg.name), version)).toEqual([]);
  });

  it('passes publint', async () => {
    const { messages, pkg: manifest } = await publint({
      pack: { tarball: packedOf(pkg.name).bytes.slice().buffer },
      level: 'suggestion',
      strict: true,
    });

    const lines = messages.map((m) => `${m.type}: ${formatMessage(m, manifest) ?? m.code}`);
    expect(lines).toEqual([]);
  });

  it('passes @arethetypeswrong/cli with the esm-only profile', async () => {
    const result = await (attwRuns.get(pkg.name) as Promise<RunResult>);

    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  });
});

describe('installed from the tarballs outside the workspace', () => {
  it('resolves every @rrelu package to a packed tarball, never to the registry', async () => {
    for (const project of projects.values()) {
      const sources = Object.values(await rreluSources(project));

      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) expect(source).toMatch(/^file:.*\.tgz$/);
    }
  });

  it('(a) plain Node ESM: three SGD steps of an RReLU + batch norm network on wasm lower the loss', async () => {
    const result = await timed('(a) Node ESM: 3 training steps on wasm', () =>
      node(project('node-esm'), ['train-steps.mjs']),
    );
    const out = lastJsonLine<{
      backend: string;
      activationCount: number;
      parameters: string[];
      losses: number[];
      after: number;
    }>(result);

    expect(out.backend).toBe('wasm');
    expect(out.activationCount).toBeGreaterThanOrEqual(6);
    expect(out.parameters).toEqual([
      'hidden/kernel',
      'norm/gamma',
      'norm/beta',
      'output/kernel',
      'output/bias',
    ]);
    expect(out.losses).toHaveLength(3);
    for (const loss of [...out.losses, out.after]) expect(Number.isFinite(loss)).toBe(true);
    expect(out.losses[2]).toBeLessThan(out.losses[0] as number);
    expect(out.after).toBeLessThan(out.losses[0] as number);
  });

  it('(b) CommonJS: import() works; require() follows Node (ERR_REQUIRE_ESM without require(esm))', async () => {
    const nodeProject = project('node-esm');
    const [plain, withoutRequireEsm] = await timed('(b) CommonJS require and import()', () =>
      Promise.all([
        node(nodeProject, ['require.cjs']),
        node(nodeProject, ['--no-experimental-require-module', 'require.cjs']),
      ]),
    );
    type CjsResult = {
      requireModule: boolean;
      require: { ok: boolean; code?: string; message?: string; createActivation?: string };
      dynamicImport: { ok: boolean; mlp?: string };
    };
    const defaults = lastJsonLine<CjsResult>(plain);
    const legacy = lastJsonLine<CjsResult>(withoutRequireEsm);

    // Node ≥ 20.19 and ≥ 22.12 load ES modules with require() by default.
    expect(defaults.require).toEqual(
      defaults.requireModule
        ? { ok: true, createActivation: 'function' }
        : expect.objectContaining({ ok: false, code: 'ERR_REQUIRE_ESM' }),
    );
    // Node 20.11–20.18 behave like this: the message the READMEs quote.
    expect(legacy.require.ok).toBe(false);
    expect(legacy.require.code).toBe('ERR_REQUIRE_ESM');
    expect(legacy.require.message).toMatch(
      /^require\(\) of ES Module .*@rrelu\/activations\/dist\/index\.js from .*require\.cjs not supported\.\nInstead change the require of index\.js in .*require\.cjs to a dynamic import\(\) which is available in all CommonJS modules\.$/,
    );
    for (const out of [defaults, legacy])
      expect(out.dynamicImport).toEqual({ ok: true, mlp: 'function' });
  });

  it('(c) a bundle of @rrelu/activations made by esbuild runs a forward pass in headless Chromium', async () => {
    const nodeProject = project('node-esm');
    const bundle = await timed('(c) esbuild bundle', () =>
      bundleForBrowser(nodeProject.dir, 'browser-entry.mjs'),
    );
    const out = (await timed('(c) Chromium run', () => runInChromium(bundle))) as {
      error?: string;
      backend: string;
      userAgent: string;
      evaluation: number[];
      trainingSlopes: number[];
    };

    expect(out.error).toBeUndefined();
    expect(out.backend).toBe('cpu');
    expect(out.userAgent).toMatch(/HeadlessChrome|Chrome/);
    // Paper RReLU in evaluation: x / ((3 + 8) / 2) for x ≤ 0, x for x > 0.
    const expected = [-2 / 5.5, -1 / 5.5, 0, 1, 2];
    expect(out.evaluation).toHaveLength(expected.length);
    expected.forEach((value, i) => {
      expect(out.evaluation[i]).toBeCloseTo(value, 6);
    });
    // Training slopes are 1/a with a ~ U(3, 8) for x ≤ 0, and 1 for x > 0.
    for (const slope of out.trainingSlopes.slice(0, 3)) {
      expect(slope).toBeGreaterThanOrEqual(1 / 8 - 1e-7);
      expect(slope).toBeLessThanOrEqual(1 / 3 + 1e-7);
    }
    expect(out.trainingSlopes.slice(3)).toEqual([1, 1]);
  });

  it('(d) @rrelu/data-mnist alone reads the embedded MNIST: 55000 / 5000 / 10000, checksums verified', async () => {
    const result = await timed('(d) data-mnist alone: loadMnist', () =>
      node(project('data-only'), ['load-mnist.mjs']),
    );

    expect(lastJsonLine(result)).toEqual({
      train: 55000,
      validation: 5000,
      test: 10000,
      shape: [28, 28],
      source: 'embedded',
      verified: true,
      datasetNames: expect.any(Number),
      tfjsCore: 'not installed',
    });
  });

  it('(e) a strict TypeScript consumer and the README examples type-check against the installed types', async () => {
    const everything = project('everything');
    await writeReadmeExamples(everything, '.ts');
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: false,
        noEmit: true,
      },
      include: ['*.ts'],
    };
    await writeFile(join(everything.dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));

    const tsc = require.resolve('typescript/bin/tsc');
    const result = await timed('(e) tsc on the consumer and README examples', () =>
      run(process.execPath, [tsc, '-p', 'tsconfig.json'], {
        cwd: everything.dir,
        allowFailure: true,
      }),
    );

    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('the layers and trainer README examples train MNIST from the installed packages', async () => {
    const everything = project('everything');
    await writeReadmeExamples(everything, '.mjs');
    const [layers, trainer] = await timed('README examples (layers, trainer)', () =>
      Promise.all([
        node(everything, ['layers-example.mjs']),
        node(everything, ['trainer-example.mjs']),
      ]),
    );

    const layersAccuracy = lastAccuracy(layers.stdout);
    const trainerAccuracy = lastAccuracy(trainer.stdout);
    expect(layersAccuracy, layers.stdout).toBeGreaterThan(0.85);
    expect(trainerAccuracy, trainer.stdout).toBeGreaterThan(0.85);
  });

  it('without @tensorflow/tfjs-core, importing fails with the error the READMEs quote', async () => {
    const result = await node(project('no-peer'), ['import-activations.mjs']);
    const out = lastJsonLine<{ ok: boolean; code: string; message: string }>(result);

    expect(out.ok).toBe(false);
    expect(out.code).toBe('ERR_MODULE_NOT_FOUND');
    expect(out.message).toMatch(
      /^Cannot find package '@tensorflow\/tfjs-core' imported from .*\/node_modules\/@rrelu\/activations\/dist\/.*\.js$/,
    );
  });

  it("initBackend('cpu') finds the optional peer tfjs-backend-cpu, which npm brings with the wasm backend", async () => {
    const result = await node(project('everything'), ['cpu-backend.mjs']);
    const out = lastJsonLine<{ ok: boolean; info: { backend: string; tfjsVersion: string } }>(
      result,
    );

    expect(out.ok).toBe(true);
    expect(out.info).toMatchObject({ backend: 'cpu', tfjsVersion: '4.22.0' });
  });
});

/**
 * Builds the four packages through turbo, unless this test already runs as
 * a turbo task (TURBO_HASH is set), whose `^build` dependency built them.
 */
async function buildPackages(): Promise<void> {
  if (process.env.TURBO_HASH !== undefined) return;
  const [file, prefix] = pnpmCommand();
  const filters = PUBLIC_PACKAGES.map((p) => `--filter=${p.name}`);
  await run(
    file,
    [...prefix, 'exec', 'turbo', 'run', 'build', ...filters, '--output-logs=errors-only'],
    {
      cwd: WORKSPACE_ROOT,
    },
  );
}

/** @arethetypeswrong/cli on a tarball; the esm-only profile ignores CommonJS resolution. */
function attw(tarball: string): Promise<RunResult> {
  const cli = join(require.resolve('@arethetypeswrong/cli/package.json'), '..', 'dist', 'index.js');
  return run(
    process.execPath,
    [cli, tarball, '--profile', 'esm-only', '--format', 'table-flipped'],
    {
      cwd: root,
      allowFailure: true,
    },
  );
}

/** Writes the README examples of layers and trainer into a project with the given extension. */
async function writeReadmeExamples(target: ConsumerProject, extension: string): Promise<void> {
  for (const dir of ['layers', 'trainer']) {
    const path = join(WORKSPACE_ROOT, 'packages', dir, 'README.md');
    const code = readmeExample(await readFile(path, 'utf8'), path);
    await writeFile(join(target.dir, `${dir}-example${extension}`), code);
  }
}

/** The last "test accuracy <x>" a README example printed. */
function lastAccuracy(stdout: string): number {
  return Number([...stdout.matchAll(/test accuracy ([\d.]+)/g)].at(-1)?.[1]);
}

async function workspaceVersion(pkg: PublicPackage): Promise<string> {
  const manifest = await readFile(join(packageRoot(pkg), 'package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

function packedOf(name: string): PackedPackage {
  const found = packed.get(name);
  if (found === undefined) throw new Error(`${name} was not packed`);
  return found;
}

function tarballOf(name: string): string {
  return packedOf(name).tarball;
}

function project(name: string): ConsumerProject {
  const found = projects.get(name);
  if (found === undefined) throw new Error(`project ${name} was not installed`);
  return found;
}

async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings.push({ step, seconds: (performance.now() - started) / 1000 });
  }
}
