/**
 * The order in which to visit `count` examples in a given epoch: a
 * permutation of 0 … count − 1 from a Fisher–Yates shuffle (Knuth, TAOCP
 * vol. 2, algorithm 3.4.2 P) driven by a SplitMix32 generator.
 *
 * The generator: e = mix32(epochHigh ⊕ mix32(epochLow + 0x9E3779B9)) and
 * state₀ = mix32(seedLow ⊕ mix32(seedHigh ⊕ e)), where Low/High are the
 * 32-bit halves (two's complement for a negative seed). Each step adds
 * 0x9E3779B9 (2³² / golden ratio) to the state and returns mix32(state),
 * where mix32 is the 32-bit finalizer
 * x ^= x >>> 16; x *= 0x21F0AAAD; x ^= x >>> 15; x *= 0x735A2D97;
 * x ^= x >>> 15 (constants from C. Wellons' hash-prospector). Bounded
 * draws use rejection sampling, so every permutation is equally likely up
 * to the generator's quality. Same inputs give the same order on every
 * platform.
 *
 * @param count - number of examples, an integer 0 to 2³² − 1.
 * @param seed - any safe integer (negative values allowed).
 * @param epoch - the epoch number, a non-negative safe integer.
 * @returns a new Uint32Array holding each index once.
 *
 * @example
 * const order = epochOrder(mnist.train.count, 42, epoch);
 * for (let start = 0; start < order.length; start += 64) {
 *   const n = fillBatch(mnist.train, order, start, 64, pixels, labels);
 * }
 */
export function epochOrder(count: number, seed: number, epoch: number): Uint32Array {
  if (!Number.isInteger(count) || count < 0 || count > 0xffffffff) {
    throw new RangeError(`count must be an integer from 0 to 4294967295, got ${count}`);
  }
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be a safe integer, got ${seed}`);
  }
  if (!Number.isSafeInteger(epoch) || epoch < 0) {
    throw new RangeError(`epoch must be a non-negative integer, got ${epoch}`);
  }

  const order = new Uint32Array(count); // [count]
  for (let index = 0; index < count; index += 1) {
    order[index] = index;
  }

  const next = splitMix32(initialState(seed, epoch));
  for (let index = count - 1; index > 0; index -= 1) {
    const other = below(next, index + 1);
    const kept = order[index]!;
    order[index] = order[other]!;
    order[other] = kept;
  }
  return order;
}

/** Increment of SplitMix32: 2³² divided by the golden ratio. */
const GOLDEN_GAMMA = 0x9e3779b9;

/** The 32-bit finalizer with hash-prospector constants (see {@link epochOrder}). */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

/** A SplitMix32 stream from a 32-bit state: each call returns the next uint32. */
export function splitMix32(state: number): () => number {
  let current = state >>> 0;
  return () => {
    current = (current + GOLDEN_GAMMA) >>> 0;
    return mix32(current);
  };
}

/** Folds a safe-integer seed (both 32-bit halves) and an epoch into one state. */
export function initialState(seed: number, epoch: number): number {
  const low = seed >>> 0; // two's complement low word, also for negative seeds
  const high = Math.floor(seed / 2 ** 32) >>> 0;
  const epochLow = epoch >>> 0;
  const epochHigh = Math.floor(epoch / 2 ** 32) >>> 0;
  const epochHash = mix32(epochHigh ^ mix32(epochLow + GOLDEN_GAMMA));
  return mix32(low ^ mix32(high ^ epochHash));
}

/** A uniform integer in [0, bound) by rejection of the biased top range. */
function below(next: () => number, bound: number): number {
  const limit = 2 ** 32 - (2 ** 32 % bound);
  for (;;) {
    const value = next();
    if (value < limit) {
      return value % bound;
    }
  }
}
