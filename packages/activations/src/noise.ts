/**
 * A seeded, counter-based stream of uniform draws.
 *
 * Every draw is a pure function of (run seed, stream name, step, index), so a
 * run can be replayed exactly, two steps never share noise, and any step can
 * be regenerated without replaying the ones before it. The mixer is a 32-bit
 * integer hash (multiply-xorshift finaliser); each draw keeps 24 bits, the
 * precision of a float32 mantissa.
 *
 * @example
 * const stream = new NoiseStream({ seed: 42, name: 'hidden1' });
 * const a = stream.next(4); // step 0
 * const b = stream.next(4); // step 1, different from a
 * stream.at(0, 4);          // equals a
 */
export class NoiseStream {
  readonly seed: number;
  readonly name: string;
  /** The step the next call to {@link NoiseStream.next} draws for. */
  step: number;
  private readonly streamKey: number;

  constructor(options: { seed: number; name: string; step?: number }) {
    const { seed, name, step = 0 } = options;
    if (!Number.isSafeInteger(seed)) {
      throw new RangeError(`NoiseStream: seed must be a safe integer, got ${seed}`);
    }
    if (!Number.isSafeInteger(step) || step < 0) {
      throw new RangeError(`NoiseStream: step must be a whole number ≥ 0, got ${step}`);
    }
    if (typeof name !== 'string') {
      throw new TypeError(
        `NoiseStream: name must be a string (the layer's name), got ${typeof name}`,
      );
    }

    this.seed = seed;
    this.name = name;
    this.step = step;
    this.streamKey = mix32(hashSeed(seed) ^ mix32(hashString(name)));
  }

  /** Draws `count` numbers in [0, 1) for the current step, then advances the step. */
  next(count: number, out?: Float32Array<ArrayBuffer>): Float32Array<ArrayBuffer> {
    const draws = this.at(this.step, count, out);
    this.step += 1;
    return draws;
  }

  /** Draws `count` numbers in [0, 1) for a given step without moving the stream. */
  at(step: number, count: number, out?: Float32Array<ArrayBuffer>): Float32Array<ArrayBuffer> {
    if (!Number.isSafeInteger(step) || step < 0) {
      throw new RangeError(`NoiseStream.at: step must be a whole number ≥ 0, got ${step}`);
    }
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`NoiseStream.at: count must be a whole number ≥ 0, got ${count}`);
    }
    out ??= new Float32Array(count);
    if (out.length < count) {
      throw new RangeError(`NoiseStream.at: out holds ${out.length} values, need ${count}`);
    }

    const stepKey = mix32(this.streamKey ^ mix32(step >>> 0) ^ mix32(Math.floor(step / 2 ** 32)));
    for (let i = 0; i < count; i++) {
      const bits = mix32((stepKey + Math.imul(i, GOLDEN_32)) | 0);
      out[i] = (bits >>> 8) * 2 ** -24;
    }
    return out;
  }
}

const GOLDEN_32 = 0x9e3779b9 | 0;

/** 32-bit avalanche mixer (xorshift-multiply); a bijection on 32-bit integers. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** FNV-1a over the UTF-16 code units of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

function hashSeed(seed: number): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / 2 ** 32) >>> 0;
  return mix32(low ^ mix32(high + GOLDEN_32));
}
