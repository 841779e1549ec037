import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SavedWeights } from '@rrelu/layers';
import { DataError } from './errors.js';
import { writeFileAtomic } from './report/index.js';

/** Files of a saved model folder. */
export const CHECKPOINT_FILES = { manifest: 'model.json', weights: 'weights.bin' } as const;

/** Writes a checkpoint as model.json and weights.bin, each atomically (weights first). */
export async function writeCheckpoint(dir: string, saved: SavedWeights): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, CHECKPOINT_FILES.weights), new Uint8Array(saved.data));
  await writeFileAtomic(
    path.join(dir, CHECKPOINT_FILES.manifest),
    `${JSON.stringify(saved.manifest, null, 2)}\n`,
  );
}

/** Reads model.json and weights.bin of a saved model folder; integrity is checked on load. */
export async function readCheckpoint(dir: string): Promise<SavedWeights> {
  const manifestPath = path.join(dir, CHECKPOINT_FILES.manifest);
  const weightsPath = path.join(dir, CHECKPOINT_FILES.weights);
  let manifestText: string;
  let bytes: Buffer;
  try {
    manifestText = await readFile(manifestPath, 'utf8');
    bytes = await readFile(weightsPath);
  } catch (error) {
    throw new DataError(`${dir}: not a saved model folder (${(error as Error).message})`);
  }
  let manifest: SavedWeights['manifest'];
  try {
    manifest = JSON.parse(manifestText);
  } catch (error) {
    throw new DataError(`${manifestPath}: not valid JSON (${(error as Error).message})`);
  }
  const data = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  return { manifest, data };
}
