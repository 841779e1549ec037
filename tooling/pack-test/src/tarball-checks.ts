import { readdir } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
import type { Manifest, PackedPackage } from './pack.js';
import { packageRoot } from './public-packages.js';

/** Files every tarball carries besides dist/ and src/. */
export const ROOT_FILES = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'] as const;

/**
 * The exact file list a package needs: its non-test sources, their compiled
 * JavaScript, declarations and maps, and the root files. Derived from the
 * workspace's src/ folder, so a stale dist file or a missing one both show.
 */
export async function expectedFiles(packed: PackedPackage): Promise<string[]> {
  const srcRoot = join(packageRoot(packed.pkg), 'src');
  const entries = await readdir(srcRoot, { recursive: true, withFileTypes: true });
  const sources = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(srcRoot, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => !isTestFile(path));

  const compiled = sources.flatMap((path) => {
    const stem = `dist/${path.slice(0, -'.ts'.length)}`;
    return [`${stem}.js`, `${stem}.js.map`, `${stem}.d.ts`, `${stem}.d.ts.map`];
  });
  return [...ROOT_FILES, ...sources.map((path) => `src/${path}`), ...compiled].sort();
}

/** True for tests and test helpers, which never ship. */
export function isTestFile(path: string): boolean {
  return /(^|\/)test-utils\//.test(path) || /\.test\.[cm]?[jt]sx?(\.map)?$/.test(path);
}

/**
 * Everything that must hold for a tarball before anyone installs it; returns
 * one line per problem (empty when the tarball is right).
 */
export async function checkTarball(packed: PackedPackage, version: string): Promise<string[]> {
  const problems: string[] = [];
  const paths = [...packed.files.keys()].sort();
  const expected = await expectedFiles(packed);

  for (const path of expected) {
    if (!packed.files.has(path)) problems.push(`missing from the tarball: ${path}`);
  }
  for (const path of paths) {
    if (isTestFile(path)) problems.push(`test file in the tarball: ${path}`);
    else if (!expected.includes(path)) problems.push(`unexpected file in the tarball: ${path}`);
  }
  problems.push(...checkReferences(packed));
  problems.push(...checkManifest(packed, version));
  return problems;
}

/** Relative imports in dist and the `sources` of every map must point inside the tarball. */
function checkReferences(packed: PackedPackage): string[] {
  const problems: string[] = [];
  const decoder = new TextDecoder();
  const specifier = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

  for (const [path, bytes] of packed.files) {
    if (!path.startsWith('dist/')) continue;
    const text = decoder.decode(bytes);
    const folder = posix.dirname(path);
    if (path.endsWith('.js') || path.endsWith('.d.ts')) {
      for (const match of text.matchAll(specifier)) {
        const target = posix.join(folder, match[1] as string);
        const candidates = path.endsWith('.d.ts')
          ? [target, target.replace(/\.js$/, '.d.ts')]
          : [target];
        if (!candidates.some((candidate) => packed.files.has(candidate))) {
          problems.push(`${path} imports ${match[1]}, which is not in the tarball`);
        }
      }
    }
    if (path.endsWith('.map')) {
      const map = JSON.parse(text) as { sources?: string[] };
      for (const source of map.sources ?? []) {
        if (!packed.files.has(posix.join(folder, source))) {
          problems.push(`${path} maps to ${source}, which is not in the tarball`);
        }
      }
    }
  }
  return problems;
}

/** The packaging fields of the published package.json. */
function checkManifest(packed: PackedPackage, version: string): string[] {
  const { manifest, pkg } = packed;
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => {
    if (!ok) problems.push(`package.json: ${message}`);
  };

  expect(manifest.name === pkg.name, `name is ${manifest.name}, expected ${pkg.name}`);
  expect(manifest.version === version, `version is ${manifest.version}, expected ${version}`);
  expect(manifest.private !== true, 'the package is private');
  expect(manifest.license === 'MIT', `license is ${manifest.license}, expected MIT`);
  expect(manifest.sideEffects === false, 'sideEffects is not false');
  expect(manifest.engines?.node !== undefined, 'engines.node is missing');
  expect(manifest.publishConfig?.access === 'public', 'publishConfig.access is not public');
  expect(
    manifest.repository?.directory === `packages/${pkg.dir}`,
    `repository.directory is ${manifest.repository?.directory}, expected packages/${pkg.dir}`,
  );
  problems.push(...checkExports(manifest, packed.files).map((p) => `package.json: ${p}`));

  const text = JSON.stringify(manifest);
  expect(!text.includes('workspace:'), 'a workspace: range survived packing');
  for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
    if (name.startsWith('@rrelu/')) {
      expect(range === `^${version}`, `dependency ${name} is ${range}, expected ^${version}`);
    }
  }
  const peers = manifest.peerDependencies ?? {};
  expect(
    JSON.stringify(sortKeys(peers)) === JSON.stringify(sortKeys(pkg.peers)),
    `peerDependencies are ${JSON.stringify(peers)}, expected ${JSON.stringify(pkg.peers)}`,
  );
  const optional = Object.entries(manifest.peerDependenciesMeta ?? {})
    .filter(([, meta]) => meta.optional === true)
    .map(([name]) => name);
  expect(
    optional.sort().join() === [...pkg.optionalPeers].sort().join(),
    `optional peers are [${optional}], expected [${pkg.optionalPeers}]`,
  );
  return problems;
}

/** Every export lists `types` first and points at files in the tarball. */
function checkExports(manifest: Manifest, files: ReadonlyMap<string, Uint8Array>): string[] {
  const problems: string[] = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (typeof target === 'string') {
      if (!files.has(posix.normalize(target))) problems.push(`exports["${subpath}"] is missing`);
      continue;
    }
    const conditions = Object.entries(target as Record<string, string>);
    if (conditions[0]?.[0] !== 'types')
      problems.push(`exports["${subpath}"] does not list types first`);
    for (const [condition, path] of conditions) {
      if (!files.has(posix.normalize(path))) {
        problems.push(`exports["${subpath}"].${condition} → ${path} is not in the tarball`);
      }
    }
  }
  if (manifest.exports?.['.'] === undefined) problems.push('exports has no "." entry');
  return problems;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
