import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { removeUnfinishedWrites, writeFileAtomic, writeFileAtomicSync } from './atomic-write.js';

/**
 * Failures a test can ask for. A full disk is emulated the way the kernel
 * reports it: part of the data lands in the file, then write fails with
 * ENOSPC.
 */
const failures = vi.hoisted(() => ({
  nextRename: false,
  nextWrite: false,
  nextSyncWrite: false,
  /** While set, writes wait for it to resolve (a write in progress). */
  holdWrite: null as Promise<void> | null,
}));

function diskFull(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
  });
}

function firstHalf(data: string | Uint8Array): Uint8Array {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      const writeAll = handle.writeFile.bind(handle);
      handle.writeFile = async (data: string | Uint8Array) => {
        if (failures.holdWrite !== null) await failures.holdWrite;
        if (!failures.nextWrite) return writeAll(data);
        failures.nextWrite = false;
        await handle.write(firstHalf(data));
        throw diskFull();
      };
      return handle;
    },
    rename: async (from: string, to: string) => {
      if (failures.nextRename) {
        failures.nextRename = false;
        throw new Error('simulated rename failure');
      }
      return actual.rename(from, to);
    },
  };
});

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {
    ...actual,
    writeFileSync: (...args: Parameters<typeof actual.writeFileSync>) => {
      const [file, data] = args;
      if (!failures.nextSyncWrite || typeof file !== 'number') return actual.writeFileSync(...args);
      failures.nextSyncWrite = false;
      actual.writeSync(file, firstHalf(data as string | Uint8Array));
      throw diskFull();
    },
  };
});

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'atomic-write-'));
});

afterEach(async () => {
  Object.assign(failures, {
    nextRename: false,
    nextWrite: false,
    nextSyncWrite: false,
    holdWrite: null,
  });
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes and replaces a file, leaving no temporary file', async () => {
    const target = path.join(folder, 'out.txt');

    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, new TextEncoder().encode('second'));

    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await readdir(folder)).toEqual(['out.txt']);
  });

  it('keeps the old content and removes the half-written temporary file on ENOSPC', async () => {
    const target = path.join(folder, 'metrics.csv');
    await writeFile(target, 'old');
    failures.nextWrite = true;

    const failure = writeFileAtomic(target, 'x'.repeat(10_000));

    await expect(failure).rejects.toThrow(
      `could not write ${target}: ENOSPC: no space left on device, write`,
    );
    await expect(failure).rejects.toHaveProperty('cause.code', 'ENOSPC');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['metrics.csv']);
  });

  it('keeps the old content and removes the temporary file when the rename fails', async () => {
    const target = path.join(folder, 'out.txt');
    await writeFile(target, 'old');
    failures.nextRename = true;

    await expect(writeFileAtomic(target, 'new')).rejects.toThrow(
      `could not write ${target}: simulated rename failure`,
    );

    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['out.txt']);
  });

  it('leaves a directory in the way untouched and removes the temporary file', async () => {
    const target = path.join(folder, 'taken');
    await mkdir(target);
    await writeFile(path.join(target, 'inside.txt'), 'old');

    await expect(writeFileAtomic(target, 'new')).rejects.toThrow(`could not write ${target}`);

    expect(await readFile(path.join(target, 'inside.txt'), 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['taken']);
  });

  it('fails with the path when the target folder was removed, creating nothing', async () => {
    const gone = path.join(folder, 'gone');
    await mkdir(gone);
    await rm(gone, { recursive: true });

    const failure = writeFileAtomic(path.join(gone, 'out.txt'), 'new');

    await expect(failure).rejects.toThrow(/could not write .*gone.out\.txt: ENOENT/);
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('writeFileAtomicSync', () => {
  it('writes and replaces a file, leaving no temporary file', async () => {
    const target = path.join(folder, 'manifest.json');

    writeFileAtomicSync(target, 'first');
    writeFileAtomicSync(target, 'second');

    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await readdir(folder)).toEqual(['manifest.json']);
  });

  it('keeps the old content and removes the half-written temporary file on ENOSPC', async () => {
    const target = path.join(folder, 'manifest.json');
    await writeFile(target, 'old');
    failures.nextSyncWrite = true;

    expect(() => writeFileAtomicSync(target, 'x'.repeat(10_000))).toThrow(
      `could not write ${target}: ENOSPC: no space left on device, write`,
    );

    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['manifest.json']);
  });
});

describe('removeUnfinishedWrites', () => {
  it('deletes the temporary file of a write in progress; the target keeps its data', async () => {
    const target = path.join(folder, 'manifest.json');
    await writeFile(target, 'old');
    let release = () => {};
    failures.holdWrite = new Promise<void>((resolve) => {
      release = resolve;
    });

    const pending = writeFileAtomic(target, 'new');
    await vi.waitUntil(async () => (await readdir(folder)).length === 2, { timeout: 30_000 });
    removeUnfinishedWrites();
    expect(await readdir(folder)).toEqual(['manifest.json']);

    release();
    await expect(pending).rejects.toThrow(`could not write ${target}: ENOENT`);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['manifest.json']);
  });
});
