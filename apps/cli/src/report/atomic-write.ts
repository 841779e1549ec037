import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';

let temporaryCounter = 0;
/** Temporary files of writes in progress, for {@link removeUnfinishedWrites}. */
const unfinished = new Set<string>();

/**
 * Writes a file so that readers see either the old or the new content, never
 * a partial file: the data goes to `<path>.<pid>-<n>.tmp` in the same folder,
 * is flushed to disk (fsync), then renamed over `path`. On failure (a full
 * disk, a read-only folder) the temporary file is removed, the old file is
 * left as it was, and the error is rethrown with the path in its message (the
 * original error as `cause`).
 *
 * Concurrent writes to one path from one process are safe (each has its own
 * temporary file); the last rename wins.
 *
 * @param filePath Destination; its folder must exist.
 * @param data Text (written as UTF-8) or bytes.
 * @example
 * await writeFileAtomic('results/metrics.csv', toMetricsCsv(rows));
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array): Promise<void> {
  const temporaryPath = nextTemporaryPath(filePath);
  let handle: FileHandle | undefined;

  unfinished.add(temporaryPath);
  try {
    handle = await open(temporaryPath, 'w');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporaryPath, filePath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporaryPath, { force: true }).catch(() => undefined);
    throw pathError(filePath, error);
  } finally {
    unfinished.delete(temporaryPath);
  }
}

/**
 * {@link writeFileAtomic} without yielding to the event loop, for the last
 * write before `process.exit` (a second Ctrl-C). Same guarantees and errors.
 */
export function writeFileAtomicSync(filePath: string, data: string | Uint8Array): void {
  const temporaryPath = nextTemporaryPath(filePath);
  let fd: number | undefined;

  try {
    fd = openSync(temporaryPath, 'w');
    writeFileSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporaryPath, filePath);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporaryPath, { force: true });
    throw pathError(filePath, error);
  }
}

/**
 * Removes the temporary files of {@link writeFileAtomic} calls still in
 * progress. Call it just before `process.exit`, which would otherwise leave
 * them behind; the destinations keep their old content.
 */
export function removeUnfinishedWrites(): void {
  for (const temporaryPath of unfinished) rmSync(temporaryPath, { force: true });
  unfinished.clear();
}

function nextTemporaryPath(filePath: string): string {
  temporaryCounter += 1;
  return `${filePath}.${process.pid}-${temporaryCounter}.tmp`;
}

function pathError(filePath: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`could not write ${filePath}: ${reason}`, { cause: error });
}
