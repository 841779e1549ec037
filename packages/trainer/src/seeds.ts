import { hashString, mix32 } from '@rrelu/activations';

/** The independent random streams a run draws from, each derived from the run seed. */
export interface RunSeeds {
  /** The seed the user gave. */
  run: number;
  /** Initial weights. */
  init: number;
  /** Order of training examples, per epoch. */
  shuffle: number;
  /** RReLU noise. */
  noise: number;
}

/** Derives a 32-bit seed for one purpose from the run seed. */
export function deriveSeed(seed: number, purpose: string): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / 2 ** 32) >>> 0;
  return mix32(mix32(low) ^ mix32(high ^ hashString(purpose)));
}

/** Every seed a run uses, for reproducing it and for its manifest. */
export function runSeeds(seed: number): RunSeeds {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`seed must be a whole number ≥ 0, got ${seed}`);
  }
  return {
    run: seed,
    init: deriveSeed(seed, 'init'),
    shuffle: deriveSeed(seed, 'shuffle'),
    noise: deriveSeed(seed, 'noise'),
  };
}
