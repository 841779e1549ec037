import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  centralDifference,
  expectClose,
  scoped,
  useBackend,
  values,
} from '../../../tooling/test-utils/tensors.js';
import { withLocalGradient } from './custom-gradient.js';
import {
  ACTIVATION_NAMES,
  COMPARISON_ACTIVATIONS,
  createActivation,
  listActivations,
} from './registry.js';
import { SELU_LAMBDA_ALPHA } from './selu.js';
import { GRADIENT_TOLERANCE, inputAwayFromKink } from './test-utils/gradient-check.js';
import { VARIANTS, type Variant, variantLabel } from './test-utils/variants.js';
import type { ActivationMode, LocalForward } from './types.js';

const MODES: readonly ActivationMode[] = [{ training: true }, { training: false }];

/**
 * The variant's forward with a fresh activation per call: same seed and layer
 * name, so RReLU's stream starts at step 0 every time and each call draws the
 * same slopes. PReLU gets every slope at its initial value.
 */
function freshForward(variant: Variant, mode: ActivationMode) {
  return (x: tf.Tensor): LocalForward => {
    const activation = createActivation(variant.name, variant.options, { seed: 7, name: 'check' });
    const shape = activation.parameterShape(x.shape.slice(1));
    if (shape === null) return activation.forward(x, mode);

    return tf.tidy(() => {
      const alpha = tf.fill(shape, activation.initialParameter ?? 0);
      const { y, dydx } = activation.forward(x, mode, alpha);
      return { y, dydx };
    });
  };
}

/** Inputs with 0, both signs, small and large magnitudes (1-D), and a 4-D draw. */
function parityInputs(): tf.Tensor[] {
  return [
    tf.tensor1d([-30, -4, -1.5, -0.3, 0, 0.2, 1, 2.5, 30]),
    inputAwayFromKink([2, 3, 2, 3], 5),
  ];
}

describe('activation registry', () => {
  it("keeps the comparison's six first, in order, then appends the smooth ones", () => {
    expect(ACTIVATION_NAMES.slice(0, 6)).toEqual([
      'relu',
      'lrelu',
      'vlrelu',
      'prelu',
      'rrelu',
      'elu',
    ]);
    expect(ACTIVATION_NAMES).toEqual([
      ...COMPARISON_ACTIVATIONS,
      'selu',
      'celu',
      'gelu',
      'silu',
      'mish',
      'softplus',
    ]);
    expect(createActivation('lrelu').config).toEqual({ alpha: 0.01 });
    expect(createActivation('vlrelu').config).toEqual({ alpha: 1 / 5.5 });
    expect(createActivation('rrelu').config).toMatchObject({ form: 'divide', lower: 3, upper: 8 });
  });

  it('names the valid activations and options when given unknown ones', () => {
    expect(() => createActivation('swishy')).toThrow(
      /unknown activation "swishy"; expected one of relu, lrelu, vlrelu, prelu, rrelu, elu, selu/,
    );
    expect(() => createActivation('elu', { beta: 1 })).toThrow(
      /elu: unknown option "beta"; its options are alpha/,
    );
    expect(() => createActivation('relu', { alpha: 1 })).toThrow(/its options are none/);
    expect(() => createActivation('gelu', { approximation: 'tanh' })).toThrow(
      /gelu: unknown option "approximation"; its options are approximate/,
    );
  });

  it('refuses option values of the wrong type or range, naming the option and the value', () => {
    expect(() => createActivation('celu', { alpha: 'big' })).toThrow(
      /celu: option alpha must be a number, got "big"/,
    );
    expect(() => createActivation('celu', { alpha: 0 })).toThrow(/celu: alpha must be ≠ 0.*got 0/);
    expect(() => createActivation('softplus', { beta: -1 })).toThrow(
      /softplus: beta must be > 0.*got -1/,
    );
    expect(() => createActivation('softplus', { beta: 0 })).toThrow(/beta must be > 0.*got 0/);
    expect(() => createActivation('silu', { beta: Number.NaN })).toThrow(
      /silu: beta must be a finite number, got NaN/,
    );
    expect(() => createActivation('gelu', { approximate: 'sigmoid' })).toThrow(
      /gelu: approximate must be one of none, tanh, got "sigmoid"/,
    );
    expect(() => createActivation('prelu', { sharing: 'row' })).toThrow(
      /prelu: sharing must be one of channel, shared, element, got "row"/,
    );
    expect(() => createActivation('elu', { alpha: Infinity })).toThrow(
      /elu: alpha must be a finite number, got Infinity/,
    );
    expect(() => createActivation('rrelu', { preset: 'keras' })).toThrow(
      /rrelu: preset must be one of paper, torch, blog, got "keras"/,
    );
    expect(() => createActivation('rrelu', { lower: '3' })).toThrow(
      /rrelu: lower must be a finite number, got "3"/,
    );
  });

  it('describes every option with its default, and every activation with its paper', () => {
    const byName = new Map(listActivations().map((info) => [info.name, info]));
    const defaults = (name: string) =>
      byName.get(name)?.options.map((o) => `${o.name}=${o.default}`);

    expect([...byName.keys()]).toEqual(ACTIVATION_NAMES);
    expect(defaults('rrelu')).toEqual([
      'preset=paper',
      'form=divide',
      'lower=3',
      'upper=8',
      'noise=element',
      'evaluation=midpoint',
    ]);
    expect(defaults('selu')).toEqual([]);
    expect(defaults('celu')).toEqual(['alpha=1']);
    expect(defaults('gelu')).toEqual(['approximate=none']);
    expect(byName.get('gelu')?.options[0]?.choices).toEqual(['none', 'tanh']);
    expect(defaults('silu')).toEqual(['beta=1']);
    expect(defaults('mish')).toEqual([]);
    expect(defaults('softplus')).toEqual(['beta=1']);
    for (const info of byName.values()) expect(info.reference).toMatch(/\d{4}/);
  });
});

describe('every registry activation at x = 0', () => {
  beforeAll(() => useBackend('wasm'));

  // The conventions of experiment.md for the piecewise units (negative side; ELU α),
  // the negative side λα for SELU, and the true derivative of the smooth ones:
  // CELU 1 from both sides, GELU Φ(0) = 1/2, SiLU σ(0) = 1/2, Mish tanh(ln 2) = 3/5,
  // Softplus σ(0) = 1/2.
  const atZero: Record<string, number> = {
    relu: 0,
    lrelu: 0.01,
    vlrelu: 1 / 5.5,
    prelu: 0.25,
    rrelu: 1 / 5.5,
    elu: 1,
    selu: SELU_LAMBDA_ALPHA,
    celu: 1,
    gelu: 0.5,
    silu: 0.5,
    mish: 0.6,
    softplus: 0.5,
  };

  it.each(ACTIVATION_NAMES)('%s: y(0) and dy/dx(0) follow the stated convention', (name) => {
    scoped(() => {
      const { y, dydx } = freshForward({ name, options: {} }, { training: false })(tf.zeros([1]));
      const y0 = name === 'softplus' ? Math.LN2 : 0; // log(1 + e⁰) = ln 2
      expectClose(values(y), [y0]);
      expectClose(values(dydx), [atZero[name] ?? Number.NaN]);
    });
  });
});

describe.each(VARIANTS.map((variant) => [variantLabel(variant), variant] as const))(
  '%s',
  (_label, variant) => {
    beforeAll(() => useBackend('wasm'));

    it('forward gives y and dy/dx shaped and typed as x; dy/dx matches finite differences', () => {
      scoped(() => {
        const x = inputAwayFromKink([3, 4], 2);
        for (const mode of MODES) {
          const forward = freshForward(variant, mode);
          const { y, dydx } = forward(x);
          expect([y.shape, dydx.shape]).toEqual([x.shape, x.shape]);
          expect([y.dtype, dydx.dtype]).toEqual(['float32', 'float32']);
          expectClose(
            values(dydx),
            centralDifference((t) => forward(t).y, x),
            GRADIENT_TOLERANCE,
          );
        }
      });
    });

    it('agrees on wasm and cpu within 1e-6: y, dy/dx and a weighted backward', async () => {
      const results: number[][][] = [];
      for (const backend of ['wasm', 'cpu'] as const) {
        await useBackend(backend);
        results.push(
          scoped(() =>
            MODES.flatMap((mode) =>
              parityInputs().flatMap((x) => {
                const forward = freshForward(variant, mode);
                const { y, dydx } = forward(x);
                // Upstream gradient dy = w, not ones: the backward must give w ⊙ f'(x).
                const w = tf.add(1, tf.mul(0.5, tf.sin(tf.reshape(tf.range(0, x.size), x.shape))));
                const grad = tf.grad(withLocalGradient((t) => forward(t)))(x, w);
                expectClose(values(grad), values(tf.mul(w, dydx)));
                return [values(y), values(dydx), values(grad)];
              }),
            ),
          ),
        );
      }
      await useBackend('wasm');

      const [wasm, cpu] = results;
      expect(wasm?.length).toBe(cpu?.length);
      wasm?.forEach((series, i) => {
        expectClose(series, cpu?.[i] ?? [], 1e-6);
      });
    });

    it('leaks no tensors: none after forward, backward, evaluation in tidy; two outside', () => {
      scoped(() => {
        const x = inputAwayFromKink([2, 3, 2, 3], 3);
        const activation = createActivation(variant.name, variant.options, { seed: 1, name: 'l' });
        const shape = activation.parameterShape(x.shape.slice(1));
        const alpha = shape === null ? undefined : tf.fill(shape, 0.25);

        const before = tf.memory().numTensors;
        tf.tidy(() => {
          activation.forward(x, { training: true }, alpha);
          activation.forward(x, { training: false }, alpha);
          tf.grad(withLocalGradient((t) => activation.forward(t, { training: true }, alpha)))(x);
        });
        expect(tf.memory().numTensors).toBe(before);

        const { y, dydx } = activation.forward(x, { training: true }, alpha);
        expect(tf.memory().numTensors).toBe(before + 2); // only y and dy/dx
        tf.dispose([y, dydx]);
        expect(tf.memory().numTensors).toBe(before);
      });
    });
  },
);
