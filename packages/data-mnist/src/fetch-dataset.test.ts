import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type FetchProgress, fetchDataset } from './fetch-dataset.js';
import { ownedBytes } from './owned-bytes.js';
import { imageFile, labelFile, idxError } from './test-utils/idx-files.js';

/** Small files in the MNIST layout: 10 training and 4 test images of 4 × 4. */
const FILES: Record<string, Uint8Array> = {
  'train-images-idx3-ubyte': imageFile(10, 4, 4),
  'train-labels-idx1-ubyte': labelFile([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
  't10k-images-idx3-ubyte': imageFile(4, 4, 4, (index) => index % 200),
  't10k-labels-idx1-ubyte': labelFile([3, 3, 1, 0]),
};

/** A fetch serving `routes` by URL, 404 for anything else; records requested URLs. */
function fakeFetch(
  routes: Record<string, Uint8Array | Response>,
  requested: string[] = [],
): typeof fetch {
  return async (input) => {
    const url = String(input);
    requested.push(url);
    const route = routes[url];
    if (route instanceof Response) {
      return route;
    }
    if (route === undefined) {
      return new Response('Not Found', { status: 404, statusText: 'Not Found' });
    }
    const headers = { 'content-length': String(route.length) };
    return new Response(ownedBytes(route), { status: 200, headers });
  };
}

/** FILES keyed by full URL under `base`. */
function served(base: string): Record<string, Uint8Array> {
  const entries = Object.entries(FILES).map(([name, bytes]) => [`${base}${name}`, bytes]);
  return Object.fromEntries(entries);
}

describe('fetchDataset', () => {
  it('downloads the four files and builds the dataset', async () => {
    const requested: string[] = [];
    const fetch = fakeFetch(served('https://example.test/mnist/'), requested);

    const data = await fetchDataset('https://example.test/mnist', { fetch, validationSize: 2 });

    expect(requested.sort()).toEqual(Object.keys(served('https://example.test/mnist/')).sort());
    expect([data.train.count, data.validation.count, data.test.count]).toEqual([8, 2, 4]);
    expect(data.source).toBe('https://example.test/mnist');
    expect(Array.from(data.test.labels)).toEqual([3, 3, 1, 0]);
  });

  it('reports progress per file, ending at the Content-Length', async () => {
    const events: FetchProgress[] = [];
    const fetch = fakeFetch(served('/data/'));

    await fetchDataset('/data/', { fetch, validationSize: 2, onProgress: (e) => events.push(e) });

    const last = events.filter((event) => event.file === 'train-images-idx3-ubyte').at(-1);
    expect(last).toEqual({ file: 'train-images-idx3-ubyte', loaded: 16 + 160, total: 176 });
    expect(events.some((event) => event.loaded === 0)).toBe(true);
  });

  it('takes other file names, gzip detected from the bytes', async () => {
    const fetch = fakeFetch({
      '/f/a.gz': gzipSync(FILES['train-images-idx3-ubyte']!),
      '/f/b': FILES['train-labels-idx1-ubyte']!,
      '/f/c.bin': gzipSync(FILES['t10k-images-idx3-ubyte']!),
      '/f/d': FILES['t10k-labels-idx1-ubyte']!,
    });
    const fileNames = {
      trainImages: 'a.gz',
      trainLabels: 'b',
      testImages: 'c.bin',
      testLabels: 'd',
    };

    const data = await fetchDataset('/f/', { fetch, fileNames, validationSize: 0, checksum: true });

    expect(data.train.pixels).toEqual(FILES['train-images-idx3-ubyte']!.subarray(16));
    expect(Object.keys(data.sha256 ?? {})).toContain('/f/a.gz');
  });

  it('a 404 names the URL and the status', async () => {
    const routes = served('/d/');
    delete routes['/d/t10k-labels-idx1-ubyte'];

    const error = await idxError(() => fetchDataset('/d/', { fetch: fakeFetch(routes) }));

    expect(error.code).toBe('not-found');
    expect(error.source).toBe('/d/t10k-labels-idx1-ubyte');
    expect(error.message).toContain('/d/t10k-labels-idx1-ubyte: server answered HTTP 404');
  });

  it('an HTML page answered with 200 (a dev server fallback) is named as HTML', async () => {
    const page = new Response('<!DOCTYPE html><html><body><div id="app"></div></body></html>', {
      status: 200,
      headers: { 'content-type': 'text/html' },
    });
    const routes = { ...served('/d/'), '/d/train-images-idx3-ubyte': page };

    const error = await idxError(() =>
      fetchDataset('/d/', { fetch: fakeFetch(routes), validationSize: 1 }),
    );

    expect(error.code).toBe('html');
    expect(error.message).toContain('/d/train-images-idx3-ubyte: is an HTML page');
  });

  it('a failed request names the URL', async () => {
    const fetch: typeof globalThis.fetch = async () => {
      throw new TypeError('Failed to fetch');
    };

    const error = await idxError(() => fetchDataset('https://x.test/', { fetch }));

    expect(error.code).toBe('network');
    expect(error.message).toContain('https://x.test/train-images-idx3-ubyte: request failed');
    expect(error.message).toContain('Failed to fetch');
  });

  it('a server error status is a network error', async () => {
    const routes = {
      ...served('/d/'),
      '/d/train-labels-idx1-ubyte': new Response('oops', { status: 503 }),
    };

    const error = await idxError(() => fetchDataset('/d/', { fetch: fakeFetch(routes) }));

    expect(error.code).toBe('network');
    expect(error.message).toContain('HTTP 503');
  });

  it('refuses dataDir', async () => {
    await expect(fetchDataset('/d/', { dataDir: '/tmp' })).rejects.toThrow(RangeError);
  });
});
