import type { Dataset, LoadOptions } from './dataset.js';
import { assembleDataset, type NamedFile } from './dataset-from-bytes.js';
import { IdxError } from './idx-error.js';
import { FILE_ROLES, type IdxFileRole } from './known-digests.js';
import { subtleSha256 } from './sha256.js';

/** Progress of one file's download. */
export interface FetchProgress {
  /** File name as requested (relative to the base URL). */
  file: string;
  /** Bytes received so far. */
  loaded: number;
  /** Expected bytes from Content-Length, when known and not content-encoded. */
  total?: number;
}

/** Options of {@link fetchDataset}: the shared load options plus transport settings. */
export interface FetchOptions extends LoadOptions {
  /** Called when a download starts, after every chunk, and when it ends. */
  onProgress?: (event: FetchProgress) => void;
  /** The fetch function to use; default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** File names relative to the base URL; default {@link DEFAULT_FILE_NAMES}. */
  fileNames?: Partial<Record<IdxFileRole, string>>;
}

/** Largest download accepted: 1 GiB (EMNIST ByClass training images are 547 MB). */
const MAX_DOWNLOAD_BYTES = 2 ** 30;

/** The uncompressed MNIST file names as LeCun's site published them (less `.gz`). */
export const DEFAULT_FILE_NAMES: Readonly<Record<IdxFileRole, string>> = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
};

/**
 * Downloads the four IDX files of a dataset from one base URL and builds
 * the dataset like {@link datasetFromBytes}. Files may be served raw or
 * gzip-compressed (detected from the bytes). Browser-safe.
 *
 * Errors name the URL: a failed request or HTTP error status (code
 * `network`, or `not-found` for 404/410), and an HTML page served in place
 * of a file, as a single-page-app dev server does for unknown paths
 * (code `html`).
 *
 * @param baseUrl - folder URL, absolute or relative, with or without a final `/`.
 * @param options - load options plus `onProgress`, `fetch` and `fileNames`.
 * @returns the dataset with `source` set to `baseUrl`; digests are keyed by URL.
 *
 * @example
 * const mnist = await fetchDataset('/data/mnist/', {
 *   fileNames: { trainImages: 'train-images-idx3-ubyte.gz' },
 *   onProgress: ({ file, loaded, total }) => render(file, loaded, total),
 * });
 */
export async function fetchDataset(baseUrl: string, options: FetchOptions = {}): Promise<Dataset> {
  if (options.dataDir !== undefined) {
    throw new RangeError('fetchDataset reads from a URL; dataDir is for loadMnist in Node');
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new TypeError('fetchDataset needs a fetch function: pass options.fetch');
  }

  const names = { ...DEFAULT_FILE_NAMES, ...options.fileNames };
  const downloads = await Promise.all(
    FILE_ROLES.map(async (role): Promise<NamedFile> => {
      const url = joinUrl(baseUrl, names[role]);
      const bytes = await download(url, names[role], fetchImpl, options.onProgress);
      return { name: url, bytes };
    }),
  );

  const [trainImages, trainLabels, testImages, testLabels] = downloads;
  const files = {
    trainImages: trainImages!,
    trainLabels: trainLabels!,
    testImages: testImages!,
    testLabels: testLabels!,
  };
  return assembleDataset(files, options, { source: baseUrl, sha256: subtleSha256 });
}

/** Appends a file name to a base URL, adding the `/` between them when missing. */
function joinUrl(baseUrl: string, file: string): string {
  return baseUrl === '' || baseUrl.endsWith('/') ? `${baseUrl}${file}` : `${baseUrl}/${file}`;
}

async function download(
  url: string,
  file: string,
  fetchImpl: typeof fetch,
  onProgress: FetchOptions['onProgress'],
): Promise<Uint8Array> {
  // TODO: no retry, resume, caching or AbortSignal; a failed download starts over.
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new IdxError('network', url, `request failed (${describe(error)})`);
  }
  if (!response.ok) {
    const missing = response.status === 404 || response.status === 410;
    throw new IdxError(
      missing ? 'not-found' : 'network',
      url,
      `server answered HTTP ${response.status} ${response.statusText}`.trim() +
        ', expected 200 with an IDX file',
    );
  }

  const total = declaredLength(response);
  const report = (loaded: number): void => {
    onProgress?.(total === undefined ? { file, loaded } : { file, loaded, total });
  };
  report(0);
  if (response.body === null) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    report(bytes.length);
    return bytes;
  }

  const reader = response.body.getReader();
  let buffer = new Uint8Array(Math.min(total ?? 0, MAX_DOWNLOAD_BYTES));
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      if (loaded + value.length > MAX_DOWNLOAD_BYTES) {
        await reader.cancel();
        throw new IdxError(
          'too-long',
          url,
          `download exceeds ${MAX_DOWNLOAD_BYTES} bytes, more than any IDX file of the ` +
            'MNIST family',
        );
      }
      if (loaded + value.length > buffer.length) {
        const larger = new Uint8Array(Math.max(2 * buffer.length, loaded + value.length));
        larger.set(buffer.subarray(0, loaded));
        buffer = larger;
      }
      buffer.set(value, loaded);
      loaded += value.length;
      report(loaded);
    }
  } catch (error) {
    if (error instanceof IdxError) {
      throw error;
    }
    throw new IdxError(
      'network',
      url,
      `download stopped after ${loaded} bytes (${describe(error)})`,
    );
  }
  return loaded === buffer.length ? buffer : buffer.subarray(0, loaded);
}

/** Content-Length when it counts the bytes the body yields (no content encoding). */
function declaredLength(response: Response): number | undefined {
  const header = response.headers.get('content-length');
  const encoding = response.headers.get('content-encoding');
  if (header === null || (encoding !== null && encoding !== 'identity')) {
    return undefined;
  }
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
