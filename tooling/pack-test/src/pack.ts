import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { unpack } from '@publint/pack';
import { type PublicPackage, packageRoot } from './public-packages.js';
import { run } from './run.js';

/** A packed public package and the files its tarball holds. */
export interface PackedPackage {
  pkg: PublicPackage;
  /** Absolute path of the .tgz. */
  tarball: string;
  /** The tarball's bytes, for publint and attw. */
  bytes: Uint8Array;
  /** File contents by path relative to the package root (`dist/index.js`). */
  files: ReadonlyMap<string, Uint8Array>;
  /** The manifest as published (workspace ranges rewritten by pnpm). */
  manifest: Manifest;
  ms: number;
}

/** The fields of a published package.json the checks read. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  sideEffects?: boolean | string[];
  engines?: Record<string, string>;
  repository?: { type?: string; url?: string; directory?: string };
  publishConfig?: Record<string, string>;
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * Packs a public package with `pnpm pack`, the command that rewrites
 * `workspace:^` ranges as `pnpm publish` does, and reads the tarball back.
 */
export async function packPackage(pkg: PublicPackage, destination: string): Promise<PackedPackage> {
  const [file, prefix] = pnpmCommand();
  const result = await run(file, [...prefix, 'pack', '--pack-destination', destination, '--json'], {
    cwd: packageRoot(pkg),
  });
  const { filename } = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as {
    filename: string;
  };
  const tarball = filename.startsWith('/') ? filename : `${destination}/${basename(filename)}`;
  const bytes = new Uint8Array(await readFile(tarball));

  const unpacked = await unpack(bytes.slice().buffer);
  const prefixLength = unpacked.rootDir.length + 1;
  const files = new Map(unpacked.files.map((f) => [f.name.slice(prefixLength), f.data] as const));
  const manifestBytes = files.get('package.json');
  if (manifestBytes === undefined) throw new Error(`${tarball} holds no package.json`);
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as Manifest;
  return { pkg, tarball, bytes, files, manifest, ms: result.ms };
}

/**
 * How to call pnpm: the pnpm running this test when there is one (its path
 * is in npm_execpath), otherwise the pinned version through npx.
 */
export function pnpmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath !== undefined && basename(execPath).startsWith('pnpm')) {
    return [process.execPath, [execPath]];
  }
  return ['npx', ['-y', 'pnpm@10.34.9']];
}
