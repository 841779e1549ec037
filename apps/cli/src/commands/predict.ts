import { readFile } from 'node:fs/promises';
import { maybeGunzip, parseIdxImages } from '@rrelu/data-mnist';
import { initBackend } from '@rrelu/trainer';
import * as tf from '@tensorflow/tfjs-core';
import { Command } from 'commander';
import { PNG } from 'pngjs';
import { DataError, UsageError } from '../errors.js';
import { wholeNumber } from '../options.js';
import { stringify } from '../results.js';
import { loadModel } from './evaluate.js';

/** The `predict` command: class probabilities of one image. */
export function predictCommand(): Command {
  return new Command('predict')
    .description(
      'class probabilities of one 28×28 grey image (PNG) or one record of an IDX image file',
    )
    .argument('<dir>', 'saved model folder (model.json, weights.bin)')
    .argument('<image>', 'a .png file, or an IDX image file (raw or .gz)')
    .option('--index <i>', 'record of the IDX file (0-based)', wholeNumber('--index', 0), 0)
    .option('--json', 'print the probabilities as JSON on stdout', false)
    .action(async (dir: string, image: string, opts: { index: number; json: boolean }) => {
      await initBackend('wasm');
      const state = await loadModel(dir);
      try {
        const pixels = await readImage(image, opts.index);
        if (pixels.length !== state.model.inputSize) {
          throw new DataError(
            `${image}: ${pixels.length} pixels, the model takes ${state.model.inputSize}`,
          );
        }
        const probabilities = tf.tidy(() => {
          const x = tf.tensor2d(
            Float32Array.from(pixels, (p) => p / 255),
            [1, pixels.length],
          ); // [1, 784]
          return [...tf.softmax(state.model.forward(x, { training: false })).dataSync()]; // [10]
        });
        const names = state.classNames ?? probabilities.map((_, i) => String(i));
        const best = probabilities.indexOf(Math.max(...probabilities));
        if (opts.json) {
          process.stdout.write(
            `${stringify({ image, predicted: names[best], probabilities: Object.fromEntries(names.map((n, i) => [n, probabilities[i]])) })}\n`,
          );
          return;
        }
        const lines = probabilities.map(
          (p, i) =>
            `${(names[i] ?? String(i)).padStart(3)}  ${(100 * p).toFixed(2).padStart(6)} %  ${'█'.repeat(Math.round(30 * p))}`,
        );
        process.stdout.write(`predicted: ${names[best]}\n${lines.join('\n')}\n`);
      } finally {
        state.model.dispose();
        state.optimizer.dispose();
      }
    });
}

/** Grey pixels 0–255 of a 28×28 PNG (colour is averaged, transparency composited on black) or an IDX record. */
async function readImage(file: string, index: number): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new DataError(`${file}: cannot read it (${(error as Error).message})`);
  }
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    // The size sits in the IHDR chunk (bytes 16–23): check it before decoding,
    // so a small file declaring a huge image is refused without inflating it.
    if (bytes.length >= 24) {
      const header = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const [width, height] = [header.getUint32(16), header.getUint32(20)];
      if (width !== 28 || height !== 28) {
        throw new DataError(`${file}: image is ${width}×${height}, expected 28×28`);
      }
    }
    let png: PNG;
    try {
      png = PNG.sync.read(Buffer.from(bytes));
    } catch (error) {
      throw new DataError(`${file}: not a readable PNG (${(error as Error).message})`);
    }
    if (png.width !== 28 || png.height !== 28) {
      throw new DataError(`${file}: image is ${png.width}×${png.height}, expected 28×28`);
    }
    const grey = new Uint8Array(28 * 28);
    for (let i = 0; i < grey.length; i++) {
      const [r, g, b, a] = [0, 1, 2, 3].map((c) => png.data[4 * i + c] as number) as [
        number,
        number,
        number,
        number,
      ];
      grey[i] = Math.round(((r + g + b) / 3) * (a / 255));
    }
    return grey;
  }
  const images = parseIdxImages(await maybeGunzip(bytes), file);
  if (index >= images.count) {
    throw new UsageError(
      `--index must be below ${images.count} (the records in ${file}), got ${index}`,
    );
  }
  const size = images.rows * images.cols;
  return images.pixels.subarray(index * size, (index + 1) * size);
}
