import { GELU_TANH_CUBIC } from './gelu.js';
import { normalCdf, normalPdf } from './normal-distribution.js';
import { type ActivationOptions, createActivation } from './registry.js';
import { type RreluOptions, rreluSlopeDistribution } from './rrelu-options.js';
import { SELU_LAMBDA, SELU_LAMBDA_ALPHA } from './selu.js';
import type { ActivationConfig } from './types.js';

/** An activation sampled at given points: values and derivatives, one per x. */
export interface ActivationCurve {
  y: number[];
  dydx: number[];
}

/** A scalar activation with its derivative, in double precision. */
type ScalarForm = (x: number) => { y: number; dydx: number };

/**
 * Samples any registry activation and its derivative at `xs` in plain
 * JavaScript (double precision, no tensors), for plots, tables and docs.
 * Options are checked and defaulted exactly as `createActivation` does; the
 * derivative at x = 0 follows the tensor ops' conventions (piecewise-linear
 * units and ELU/SELU take the negative side). PReLU is drawn with its initial
 * slope and RReLU in evaluation mode; `rreluBand` gives RReLU's training range.
 *
 * @param name a registry name, e.g. `gelu`.
 * @param options the activation's options by name, e.g. `{ approximate: 'tanh' }`.
 * @param xs the inputs.
 * @example
 * activationCurve('elu', {}, [-1, 0, 2]);
 * // { y: [-0.6321206, 0, 2], dydx: [0.3678794, 1, 1] }
 */
export function activationCurve(
  name: string,
  options: ActivationOptions,
  xs: readonly number[],
): ActivationCurve {
  const form = scalarForm(name, createActivation(name, options).config, options);

  const y: number[] = [];
  const dydx: number[] = [];
  for (const x of xs) {
    const point = form(x);
    y.push(point.y);
    dydx.push(point.dydx);
  }
  return { y, dydx };
}

/** The closed form of a validated activation; `config` holds its resolved options. */
function scalarForm(
  name: string,
  config: ActivationConfig,
  options: ActivationOptions,
): ScalarForm {
  switch (name) {
    case 'relu':
      return piecewiseLinear(0);
    case 'lrelu':
    case 'vlrelu':
      return piecewiseLinear(numberField(config, 'alpha'));
    case 'prelu':
      return piecewiseLinear(numberField(config, 'initial'));
    case 'rrelu':
      // Already validated by createActivation above.
      return piecewiseLinear(rreluSlopeDistribution(options as RreluOptions).evaluationSlope);
    case 'elu':
      return exponentialLinear(1, numberField(config, 'alpha'));
    case 'selu':
      return exponentialLinear(SELU_LAMBDA, SELU_LAMBDA_ALPHA);
    case 'celu':
      return celu(numberField(config, 'alpha'));
    case 'gelu':
      return config.approximate === 'tanh' ? geluTanh : geluExact;
    case 'silu':
      return silu(numberField(config, 'beta'));
    case 'mish':
      return mish;
    case 'softplus':
      return softplus(numberField(config, 'beta'));
    default:
      // TODO: a new registry entry needs its closed form here; until then this throws.
      throw new RangeError(`activationCurve: no closed form for ${JSON.stringify(name)}`);
  }
}

/** x for x > 0, slope·x for x ≤ 0; dy/dx takes `slope` at x = 0. */
function piecewiseLinear(slope: number): ScalarForm {
  return (x) => (x > 0 ? { y: x, dydx: 1 } : { y: slope * x, dydx: slope });
}

/** scale·x for x > 0, scaleAlpha·(eˣ − 1) for x ≤ 0 (ELU with scale 1, SELU). */
function exponentialLinear(scale: number, scaleAlpha: number): ScalarForm {
  return (x) =>
    x > 0
      ? { y: scale * x, dydx: scale }
      : { y: scaleAlpha * Math.expm1(x), dydx: scaleAlpha * Math.exp(x) };
}

function celu(alpha: number): ScalarForm {
  return (x) => {
    if (x > 0) return { y: x, dydx: 1 };
    return { y: alpha * Math.expm1(x / alpha), dydx: Math.exp(x / alpha) };
  };
}

function geluExact(x: number): { y: number; dydx: number } {
  const cdf = normalCdf(x);
  return { y: x * cdf, dydx: cdf + x * normalPdf(x) };
}

function geluTanh(x: number): { y: number; dydx: number } {
  const c = Math.sqrt(2 / Math.PI);
  const twoU = 2 * c * (x + GELU_TANH_CUBIC * x ** 3);
  const gate = sigmoid(twoU);
  const dTwoU = 2 * c * (1 + 3 * GELU_TANH_CUBIC * x * x);
  return { y: x * gate, dydx: gate + x * dTwoU * gate * sigmoid(-twoU) };
}

function silu(beta: number): ScalarForm {
  return (x) => {
    const gate = sigmoid(beta * x);
    return { y: x * gate, dydx: gate + beta * x * gate * sigmoid(-beta * x) };
  };
}

function mish(x: number): { y: number; dydx: number } {
  const gate = Math.tanh(softplusOf(x));
  return { y: x * gate, dydx: gate + x * (1 - gate * gate) * sigmoid(x) };
}

function softplus(beta: number): ScalarForm {
  return (x) => ({ y: softplusOf(beta * x) / beta, dydx: sigmoid(beta * x) });
}

/** log(1 + eᶻ) without overflow or cancellation. */
function softplusOf(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** σ(z) = 1/(1 + e^(−z)), evaluated on the side where the exponential is ≤ 1. */
function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** A numeric field of a resolved config (present for every activation that uses it). */
function numberField(config: ActivationConfig, key: string): number {
  const value = config[key];
  if (typeof value !== 'number') {
    throw new TypeError(`activationCurve: resolved option ${key} is not a number`);
  }
  return value;
}
