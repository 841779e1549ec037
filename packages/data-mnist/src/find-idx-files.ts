import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { IdxError } from './idx-error.js';
import type { IdxFileRole } from './known-digests.js';

/** Where the four files of a dataset were found in a folder. */
export interface FoundFiles {
  /** Full path of each file. */
  paths: Record<IdxFileRole, string>;
  /** Dataset name implied by the file names (`'emnist-<split>'`), if any. */
  impliedName?: string;
}

/** Base names (without `.gz`) tried for each file, most usual first. */
export const STANDARD_NAMES: Readonly<Record<IdxFileRole, readonly string[]>> = {
  trainImages: ['train-images-idx3-ubyte', 'train-images.idx3-ubyte'],
  trainLabels: ['train-labels-idx1-ubyte', 'train-labels.idx1-ubyte'],
  testImages: ['t10k-images-idx3-ubyte', 't10k-images.idx3-ubyte'],
  testLabels: ['t10k-labels-idx1-ubyte', 't10k-labels.idx1-ubyte'],
};

/** What each file holds, for messages. */
const DESCRIPTIONS: Readonly<Record<IdxFileRole, string>> = {
  trainImages: 'training images',
  trainLabels: 'training labels',
  testImages: 'test images',
  testLabels: 'test labels',
};

/** Entries listed when a directory stands where a file should be. */
const LISTED_ENTRIES = 5;

const EMNIST_TRAIN_IMAGES = /^emnist-([a-z]+)-train-images-idx3-ubyte(\.gz)?$/;

/**
 * Finds the four IDX files of a dataset in a folder (Node). Accepts the
 * standard MNIST names, their dotted variants (`train-images.idx3-ubyte`),
 * each with or without `.gz`, and the EMNIST names
 * `emnist-<split>-{train,test}-{images-idx3,labels-idx1}-ubyte[.gz]`. An
 * uncompressed file is preferred over its `.gz` twin.
 *
 * EMNIST files are used when `name` is `emnist-<split>`, or, with no name
 * given, when the folder has no standard training images and exactly one
 * EMNIST split.
 *
 * @throws {@link IdxError}: `not-found` naming the folder and every name
 *   tried; `not-a-folder`; `not-a-file` when only directories carry the
 *   names; `ambiguous` when several EMNIST splits could be meant.
 */
export async function findIdxFiles(dataDir: string, name?: string): Promise<FoundFiles> {
  const entries = await listFolder(dataDir);

  let split = name?.startsWith('emnist-') ? name.slice('emnist-'.length) : undefined;
  let impliedName: string | undefined;
  const hasStandard = STANDARD_NAMES.trainImages.some((base) => hasEither(entries, base));
  if (name === undefined && !hasStandard) {
    const splits = emnistSplits(entries);
    if (splits.length > 1) {
      throw new IdxError(
        'ambiguous',
        dataDir,
        `folder holds the EMNIST splits ${splits.join(', ')}; choose one with ` +
          `options.name, e.g. 'emnist-${splits[0]}'`,
      );
    }
    split = splits[0];
    impliedName = split === undefined ? undefined : `emnist-${split}`;
  }

  const names = split === undefined ? STANDARD_NAMES : emnistNames(split);
  const standard = split === undefined;
  const find = (role: IdxFileRole): Promise<string> =>
    pick(dataDir, entries, role, names[role], standard);
  const paths = {
    trainImages: await find('trainImages'),
    trainLabels: await find('trainLabels'),
    testImages: await find('testImages'),
    testLabels: await find('testLabels'),
  };
  return impliedName === undefined ? { paths } : { paths, impliedName };
}

/** The EMNIST base names of one split (EMNIST says `test`, not `t10k`). */
function emnistNames(split: string): Record<IdxFileRole, readonly string[]> {
  return {
    trainImages: [`emnist-${split}-train-images-idx3-ubyte`],
    trainLabels: [`emnist-${split}-train-labels-idx1-ubyte`],
    testImages: [`emnist-${split}-test-images-idx3-ubyte`],
    testLabels: [`emnist-${split}-test-labels-idx1-ubyte`],
  };
}

async function listFolder(dataDir: string): Promise<ReadonlySet<string>> {
  try {
    return new Set(await readdir(dataDir));
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT') {
      throw new IdxError('not-found', dataDir, 'data folder does not exist');
    }
    if (code === 'ENOTDIR') {
      throw new IdxError('not-a-folder', dataDir, 'is a file, expected a folder of IDX files');
    }
    throw error;
  }
}

function hasEither(entries: ReadonlySet<string>, base: string): boolean {
  return entries.has(base) || entries.has(`${base}.gz`);
}

function emnistSplits(entries: ReadonlySet<string>): string[] {
  const splits = new Set<string>();
  for (const entry of entries) {
    const match = EMNIST_TRAIN_IMAGES.exec(entry);
    if (match?.[1] !== undefined) {
      splits.add(match[1]);
    }
  }
  return [...splits].sort();
}

async function pick(
  dataDir: string,
  entries: ReadonlySet<string>,
  role: IdxFileRole,
  bases: readonly string[],
  standard: boolean,
): Promise<string> {
  // TODO: names match case-sensitively and only raw or .gz files are read; .zip, .npz and
  // .tar archives are not opened.
  const candidates = bases.flatMap((base) => [base, `${base}.gz`]);
  const directories: string[] = [];
  for (const candidate of candidates) {
    if (!entries.has(candidate)) {
      continue;
    }
    const path = join(dataDir, candidate);
    const stats = await stat(path).catch(() => undefined); // a broken link counts as missing
    if (stats?.isFile()) {
      return path;
    }
    if (stats?.isDirectory()) {
      directories.push(path);
    }
  }

  if (directories[0] !== undefined) {
    throw await directoryInstead(directories[0]);
  }
  const emnistHint = standard ? ' (or emnist-<split>-… names with options.name)' : '';
  throw new IdxError(
    'not-found',
    dataDir,
    `no file for the ${DESCRIPTIONS[role]} in this folder; looked for ` +
      `${candidates.join(', ')}${emnistHint}`,
  );
}

async function directoryInstead(path: string): Promise<IdxError> {
  const inside = await readdir(path).catch((): string[] => []);
  const shown = inside.slice(0, LISTED_ENTRIES).join(', ');
  const more = inside.length > LISTED_ENTRIES ? ', …' : '';
  const contents = inside.length === 0 ? 'it is empty' : `it holds ${shown}${more}`;
  return new IdxError(
    'not-a-file',
    path,
    `is a directory where an IDX file was expected (an archive tool may have unpacked ` +
      `into a folder of that name); ${contents}`,
  );
}
