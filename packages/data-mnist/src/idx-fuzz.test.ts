import { describe, expect, it } from 'vitest';
import { splitMix32 } from './epoch-order.js';
import { IdxError } from './idx-error.js';
import { readIdxHeader } from './idx-header.js';
import { parseIdxImages } from './parse-idx-images.js';
import { parseIdxLabels } from './parse-idx-labels.js';
import { idxBytes, imageFile, labelFile } from './test-utils/idx-files.js';

/** Cases per generator; five generators give 12,500 inputs, each tried three ways. */
const CASES_PER_GENERATOR = 2500;

type Random = () => number;

/** A uniform integer in [0, bound). */
const below = (random: Random, bound: number): number => random() % bound;

function randomBytes(random: Random, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => below(random, 256));
}

/** Pure noise, half of it starting with the IDX prefix 00 00. */
function noise(random: Random): Uint8Array {
  const bytes = randomBytes(random, below(random, 48));
  if (bytes.length >= 2 && below(random, 2) === 0) {
    bytes[0] = 0;
    bytes[1] = 0;
  }
  return bytes;
}

/** 00 00 <any type> <0–5 dims>, random (often huge) sizes, a short payload. */
function randomHeader(random: Random): Uint8Array {
  const dimensions = Array.from({ length: below(random, 6) }, () =>
    below(random, 3) === 0 ? random() : below(random, 6),
  );
  const type = below(random, 4) === 0 ? below(random, 256) : 0x08;
  const bytes = idxBytes(type, dimensions, randomBytes(random, below(random, 64)));
  return below(random, 8) === 0 ? bytes.subarray(0, below(random, bytes.length + 1)) : bytes;
}

/** A valid file, then 0–3 mutations: flipped bytes, a cut, extra bytes or a rewritten size. */
function mutated(random: Random, valid: Uint8Array): Uint8Array {
  let bytes = Uint8Array.from(valid);
  const mutations = below(random, 4);
  for (let step = 0; step < mutations; step += 1) {
    const kind = below(random, 4);
    if (kind === 0 && bytes.length > 0) {
      bytes[below(random, Math.min(bytes.length, 20))] = below(random, 256);
    } else if (kind === 1) {
      bytes = bytes.subarray(0, below(random, bytes.length + 1));
    } else if (kind === 2) {
      bytes = Uint8Array.of(...bytes, ...randomBytes(random, 1 + below(random, 8)));
    } else if (bytes.length >= 8) {
      const axis = below(random, Math.min(3, (bytes.length - 4) >> 2));
      new DataView(bytes.buffer, bytes.byteOffset).setUint32(4 + 4 * axis, random(), false);
    }
  }
  return bytes;
}

function validImages(random: Random): Uint8Array {
  return imageFile(below(random, 5), 1 + below(random, 5), 1 + below(random, 5), () =>
    below(random, 256),
  );
}

function validLabels(random: Random): Uint8Array {
  return labelFile(Array.from({ length: below(random, 12) }, () => below(random, 12)));
}

/** Printable text, sometimes shaped like an HTML page. */
function text(random: Random): Uint8Array {
  const words = ['<html>', '<!DOCTYPE html>', 'Not Found', 'error', ' ', '\n', 'é', '404'];
  const parts = Array.from({ length: 1 + below(random, 6) }, () => words[below(random, 8)]);
  return new TextEncoder().encode(parts.join(''));
}

/** Runs `parse`; a result must pass `check`, an error must be an IdxError. */
function attempt<T>(parse: () => T, check: (result: T) => void): 'ok' | 'refused' {
  let result: T;
  try {
    result = parse();
  } catch (error) {
    if (!(error instanceof IdxError)) {
      throw new Error(`not an IdxError: ${String(error)}`);
    }
    expect(error.message.startsWith('fuzz: ')).toBe(true);
    return 'refused';
  }
  check(result);
  return 'ok';
}

describe('fuzzing the parsers (seeded, deterministic)', () => {
  // [name, generator, whether some inputs must parse]
  const generators: [string, (random: Random) => Uint8Array, boolean][] = [
    ['noise', noise, false],
    ['random headers', randomHeader, false],
    ['mutated image files', (random) => mutated(random, validImages(random)), true],
    ['mutated label files', (random) => mutated(random, validLabels(random)), true],
    ['text', text, false],
  ];

  it.each(generators)('%s: a consistent result or an IdxError, nothing else', (_, make, some) => {
    const random = splitMix32(20240611);
    const outcomes = { ok: 0, refused: 0 };

    for (let index = 0; index < CASES_PER_GENERATOR; index += 1) {
      const bytes = make(random);

      outcomes[
        attempt(
          () => parseIdxImages(bytes, 'fuzz'),
          (images) => {
            const size = images.count * images.rows * images.cols;
            expect(images.pixels.length).toBe(size);
            expect(bytes.length).toBe(16 + size);
            expect(images.pixels.buffer).toBe(bytes.buffer);
          },
        )
      ] += 1;
      outcomes[
        attempt(
          () => parseIdxLabels(bytes, 'fuzz'),
          (labels) => {
            expect(labels.labels.length).toBe(labels.count);
            expect(bytes.length).toBe(8 + labels.count);
            expect(labels.labels.every((label) => label < 10)).toBe(true);
          },
        )
      ] += 1;
      attempt(
        () => readIdxHeader(bytes, 'fuzz'),
        (header) => {
          expect(header.headerLength).toBe(4 + 4 * header.dimensions.length);
        },
      );
    }

    expect(outcomes.ok + outcomes.refused).toBe(2 * CASES_PER_GENERATOR);
    if (some) {
      expect(outcomes.ok).toBeGreaterThan(CASES_PER_GENERATOR / 20);
    }
  });
});
