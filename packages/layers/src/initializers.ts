import { NoiseStream } from '@rrelu/activations';

/** Weight initialisation schemes; fans follow Glorot & Bengio (2010) and He et al. (2015). */
export type Initializer =
  | 'glorotUniform'
  | 'glorotNormal'
  | 'heUniform'
  | 'heNormal'
  | 'lecunUniform'
  | 'lecunNormal'
  | 'zeros';

export const INITIALIZERS: readonly Initializer[] = [
  'glorotUniform',
  'glorotNormal',
  'heUniform',
  'heNormal',
  'lecunUniform',
  'lecunNormal',
  'zeros',
];

/**
 * Draws a [fanIn, fanOut] weight matrix from a seed and a name.
 * Uniform schemes draw U(−limit, limit) with limit = sqrt(3·scale);
 * normal schemes draw N(0, scale) (untruncated, as PyTorch's xavier/kaiming
 * normal), with scale = 2/(fanIn + fanOut) for Glorot, 2/fanIn for He and
 * 1/fanIn for LeCun. The same seed and name always give the same bits,
 * seed 0 included.
 */
export function initialWeights(
  scheme: Initializer,
  fanIn: number,
  fanOut: number,
  seed: number,
  name: string,
): Float32Array {
  const count = fanIn * fanOut;
  if (scheme === 'zeros') return new Float32Array(count);

  const variance = schemeVariance(scheme, fanIn, fanOut);
  const stream = new NoiseStream({ seed, name });
  if (scheme.endsWith('Uniform')) {
    const limit = Math.sqrt(3 * variance);
    const u = stream.next(count);
    for (let i = 0; i < count; i++) u[i] = limit * (2 * (u[i] as number) - 1);
    return u;
  }

  // Box–Muller on pairs of draws; 1 − u keeps the logarithm's argument in (0, 1].
  const std = Math.sqrt(variance);
  const u = stream.next(count + (count % 2));
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const radius = std * Math.sqrt(-2 * Math.log(1 - (u[i] as number)));
    const angle = 2 * Math.PI * (u[i + 1] as number);
    out[i] = radius * Math.cos(angle);
    if (i + 1 < count) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}

/** The variance each scheme targets; a uniform scheme's limit is sqrt(3·variance). */
export function schemeVariance(scheme: Initializer, fanIn: number, fanOut: number): number {
  if (scheme.startsWith('glorot')) return 2 / (fanIn + fanOut);
  if (scheme.startsWith('he')) return 2 / fanIn;
  if (scheme.startsWith('lecun')) return 1 / fanIn;
  return 0;
}
