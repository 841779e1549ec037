import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { rrelu, SMALL_THREE_EPOCHS } from '../test-utils/cli.js';

// --out on a tmpfs of 512 KiB (mounting needs root, as in CI; elsewhere these
// tests are skipped and report/atomic-write.test.ts covers ENOSPC with a
// mocked file system). A run's folder takes about 170 KiB, of which 75 KiB are
// the two PNG figures; the probe before training writes 64 KiB.

const exec = promisify(execFile);
const DISK_SIZE = '512k';
const SMALL_GRID = [...SMALL_THREE_EPOCHS, '--bn', 'off', '--workers', '1'];

const root = await mkdtemp(path.join(os.tmpdir(), 'rrelu-full-disk-'));
const disk = path.join(root, 'disk');
const filler = path.join(disk, 'filler');
const mounted = await mountTmpfs(disk);

afterAll(async () => {
  if (mounted) await exec('umount', [disk]);
  await rm(root, { recursive: true, force: true });
});

async function mountTmpfs(dir: string): Promise<boolean> {
  await mkdir(dir);
  try {
    await exec('mount', ['-t', 'tmpfs', '-o', `size=${DISK_SIZE}`, 'rrelu-test', dir]);
    return true;
  } catch {
    return false;
  }
}

/** Bytes still free on the tmpfs. */
async function freeBytes(): Promise<number> {
  const stats = await statfs(disk);
  return stats.bavail * stats.bsize;
}

/** Fills the tmpfs until `leave` bytes are free (0: until the kernel refuses with ENOSPC). */
async function fill(leave: number): Promise<void> {
  await rm(filler, { force: true });
  const size = leave === 0 ? 4 * 1024 * 1024 : (await freeBytes()) - leave;
  await writeFile(filler, Buffer.alloc(size)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOSPC' || leave !== 0) throw error;
  });
}

/** Every file under `dir` with its content, by path relative to `dir`. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), await readFile(file));
  }
  return files;
}

const leftovers = (files: Map<string, Buffer>) =>
  [...files.keys()].filter((file) => file.endsWith('.tmp') || file.includes('.rrelu-probe'));

describe.skipIf(!mounted)('rrelu compare with --out on a full disk (tmpfs)', () => {
  it('a full disk: exit 2 before any training, naming --out; old files untouched', async () => {
    const out = path.join(disk, 'full');
    const args = ['compare', ...SMALL_GRID, '--activations', 'relu', '--out', out];
    const first = await rrelu(args);
    expect(first.code, first.stderr).toBe(0);
    const before = await snapshot(out);

    await fill(0);
    expect(await freeBytes()).toBe(0);
    const run = await rrelu(args);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--out ${out}: cannot write there (ENOSPC: no space left`);
    expect(run.stderr).not.toContain('started');
    const after = await snapshot(out);
    expect(leftovers(after)).toEqual([]);
    expect(after).toEqual(before);
    await rm(filler);
    await rm(out, { recursive: true });
  });

  it('a disk filling up mid-run: exit 1 naming the file, no partial files, resumable', async () => {
    const out = path.join(disk, 'filling');
    const args = ['compare', ...SMALL_GRID, '--activations', 'relu,elu,lrelu', '--out', out];
    await fill(96 * 1024); // room for the 64 KiB probe, not for the whole folder

    const run = await rrelu(args);

    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`error: could not write ${out}/\\S+: ENOSPC: no space left on device`),
    );
    expect(run.stderr).toContain('rerun into the same --out to resume');
    const files = await snapshot(out);
    expect(leftovers(files)).toEqual([]);
    for (const [name, bytes] of files) {
      if (name.endsWith('.json')) expect(() => JSON.parse(bytes.toString()), name).not.toThrow();
    }
    const manifest = JSON.parse(files.get('manifest.json')?.toString() ?? '');
    expect(manifest.status).toBe('failed');

    await rm(filler);
    const resumed = await rrelu(args);
    expect(resumed.code, resumed.stderr).toBe(0);
    const saved = manifest.cells.filter((cell: { status: string }) => cell.status === 'complete');
    expect(resumed.stderr).toContain(`${3 - saved.length} of 3 runs to do`);
    expect(leftovers(await snapshot(out))).toEqual([]);
  });
});
