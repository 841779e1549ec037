import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { KNOWN_CLASS_NAMES } from './class-names.js';
import { datasetFromBytes, type IdxFileBytes } from './dataset-from-bytes.js';
import { caught, imageFile, labelFile, readEmbedded, idxError } from './test-utils/idx-files.js';

/** 12 training and 4 test images of 3 × 2 pixels; labels count 0, 1, 2, … mod 10. */
function smallFiles(): IdxFileBytes {
  return {
    trainImages: imageFile(12, 3, 2),
    trainLabels: labelFile(Array.from({ length: 12 }, (_, index) => index % 10)),
    testImages: imageFile(4, 3, 2, (index) => 255 - index),
    testLabels: labelFile([9, 8, 7, 6]),
  };
}

describe('datasetFromBytes: splits', () => {
  it('takes validation from the start of the training file, train from the rest', async () => {
    const files = smallFiles();

    const data = await datasetFromBytes(files, { validationSize: 5 });

    // Hand derivation: 12 training images → 5 validation (0–4) + 7 train (5–11).
    expect(data.validation.count).toBe(5);
    expect(data.train.count).toBe(7);
    expect(data.test.count).toBe(4);
    expect([data.train.rows, data.train.cols]).toEqual([3, 2]);
    expect(Array.from(data.validation.labels)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(data.train.labels)).toEqual([5, 6, 7, 8, 9, 0, 1]);
    expect(data.train.pixels).toEqual(files.trainImages.subarray(16 + 5 * 6));
    expect(data.test.pixels).toEqual(files.testImages.subarray(16));
  });

  it('keeps uint8 views into the given bytes (no copies)', async () => {
    const files = smallFiles();

    const data = await datasetFromBytes(files, { validationSize: 5 });

    expect(data.train.pixels).toBeInstanceOf(Uint8Array);
    expect(data.train.pixels.buffer).toBe(files.trainImages.buffer);
    expect(data.validation.pixels.buffer).toBe(files.trainImages.buffer);
    expect(data.train.labels.buffer).toBe(files.trainLabels.buffer);
  });

  it('honours trainSize, testSize and validationSize 0', async () => {
    const data = await datasetFromBytes(smallFiles(), {
      validationSize: 0,
      trainSize: 3,
      testSize: 2,
    });

    expect(data.validation.count).toBe(0);
    expect(data.validation.pixels.length).toBe(0);
    expect(Array.from(data.train.labels)).toEqual([0, 1, 2]);
    expect(data.train.pixels.length).toBe(3 * 3 * 2);
    expect(Array.from(data.test.labels)).toEqual([9, 8]);
  });

  it('reads gzip and raw files alike', async () => {
    const raw = smallFiles();
    const gz = {
      trainImages: gzipSync(raw.trainImages),
      trainLabels: raw.trainLabels,
      testImages: gzipSync(raw.testImages),
      testLabels: gzipSync(raw.testLabels),
    };

    const a = await datasetFromBytes(raw, { validationSize: 2 });
    const b = await datasetFromBytes(gz, { validationSize: 2 });

    expect(b.train.pixels).toEqual(a.train.pixels);
    expect(b.test.labels).toEqual(a.test.labels);
  });

  it('names classes: digits for MNIST, the Fashion-MNIST table (Xiao et al. 2017)', async () => {
    const mnist = await datasetFromBytes(smallFiles(), { validationSize: 1 });
    const fashion = await datasetFromBytes(smallFiles(), {
      validationSize: 1,
      name: 'fashion-mnist',
    });

    expect(mnist.name).toBe('mnist');
    expect(mnist.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(fashion.classNames).toEqual([
      'T-shirt/top',
      'Trouser',
      'Pullover',
      'Dress',
      'Coat',
      'Sandal',
      'Shirt',
      'Sneaker',
      'Bag',
      'Ankle boot',
    ]);
    expect(fashion.source).toBe('bytes');
  });

  it('knows EMNIST class counts (Cohen et al. 2017: 62, 47, 47, 26 + unused 0)', () => {
    expect(KNOWN_CLASS_NAMES['emnist-byclass']).toHaveLength(62);
    expect(KNOWN_CLASS_NAMES['emnist-bymerge']).toHaveLength(47);
    expect(KNOWN_CLASS_NAMES['emnist-balanced']).toHaveLength(47);
    expect(KNOWN_CLASS_NAMES['emnist-letters']).toHaveLength(27);
    expect(KNOWN_CLASS_NAMES['emnist-letters']?.[1]).toBe('A');
  });

  it('accepts explicit class names and checks labels against their count', async () => {
    const files = smallFiles();

    const error = await idxError(() =>
      datasetFromBytes(files, { validationSize: 1, name: 'mine', classNames: ['a', 'b'] }),
    );

    expect(error.code).toBe('label-range');
    expect(error.source).toBe('trainLabels');
    expect(error.message).toContain('label 2 at index 2');
  });
});

describe('datasetFromBytes: checks', () => {
  it('60,000 images with 59,999 labels is a count mismatch naming both (case P17)', async () => {
    const trainImages = await readEmbedded('train-images-idx3-ubyte');
    const labels = (await readEmbedded('train-labels-idx1-ubyte')).subarray(8, 8 + 59_999);
    const files = { ...smallFiles(), trainImages, trainLabels: labelFile(labels) };

    const error = await idxError(() => datasetFromBytes(files));

    expect(error.code).toBe('count-mismatch');
    expect(error.message).toBe(
      'trainImages: holds 60000 images but trainLabels holds 59999 labels; ' +
        'expected one label per image',
    );
  });

  it('refuses test images of another size than the training images', async () => {
    const files = { ...smallFiles(), testImages: imageFile(4, 2, 3) };

    const error = await idxError(() => datasetFromBytes(files, { validationSize: 1 }));

    expect(error.code).toBe('bad-dimensions');
    expect(error.message).toContain('images are 2 × 3, expected 3 × 2');
  });

  it('refuses a default validation split larger than the training file', async () => {
    await expect(datasetFromBytes(smallFiles())).rejects.toThrow(
      'validationSize (default) is 5000, but trainImages holds only 12 examples',
    );
  });

  it.each([
    [{ validationSize: -1 }, 'validationSize must be a non-negative integer, got -1'],
    [{ trainSize: 1.5 }, 'trainSize must be a non-negative integer, got 1.5'],
    [{ validationSize: 5, trainSize: 8 }, 'trainSize is 8, but trainImages after validation'],
    [{ validationSize: 5, testSize: 5 }, 'testSize is 5, but testImages holds only 4'],
    [{ validationSize: 1, name: 'cifar' }, "unknown dataset name 'cifar'"],
    [{ dataDir: '/tmp' }, 'dataDir is for loadMnist'],
  ])('refuses invalid options %j', async (options, message) => {
    const error = await caught(() => datasetFromBytes(smallFiles(), options));

    expect(error).toBeInstanceOf(RangeError);
    expect(String(error)).toContain(message);
  });

  it('computes SHA-256 with crypto.subtle, equal to node:crypto', async () => {
    const files = smallFiles();

    const data = await datasetFromBytes(files, { validationSize: 1, checksum: true });

    const reference = createHash('sha256').update(files.trainImages).digest('hex');
    expect(data.sha256?.trainImages).toBe(reference);
    expect(Object.keys(data.sha256 ?? {})).toEqual([
      'trainImages',
      'trainLabels',
      'testImages',
      'testLabels',
    ]);
    // The files are not MNIST's, whose digests are known: not verified.
    expect(data.verified).toBe(false);
  });

  it('leaves verified absent when no reference digests exist', async () => {
    const data = await datasetFromBytes(smallFiles(), {
      validationSize: 1,
      name: 'kmnist',
      checksum: true,
    });

    expect(data.verified).toBeUndefined();
    expect(data.sha256).toBeDefined();
  });
});
