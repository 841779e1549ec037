import type { Parameter } from '@rrelu/layers';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { createOptimizer, type OptimizerOptions } from './optimizers.js';

/** Runs `steps` updates with a constant gradient g on θ0 and returns θ after each. */
function trajectory(options: OptimizerOptions, theta0: number[], g: number[], steps: number) {
  const value = tf.variable(tf.tensor1d(theta0));
  const parameters: Parameter[] = [{ name: 'w', value, decay: true }];
  const optimizer = createOptimizer(options);
  const out: number[][] = [];
  for (let i = 0; i < steps; i++) {
    tf.tidy(() =>
      optimizer.apply(parameters, new Map([['w', tf.tensor1d(g)]]), options.learningRate),
    );
    out.push(values(value));
  }
  optimizer.dispose();
  value.dispose();
  return out;
}

describe('optimizers, first steps derived by hand', () => {
  beforeAll(() => useBackend('wasm'));

  it('sgd: θ ← θ − lr·g', () => {
    const [one, two] = trajectory({ name: 'sgd', learningRate: 0.1 }, [1, -1], [0.5, -2], 2);
    expectClose(one ?? [], [1 - 0.05, -1 + 0.2]);
    expectClose(two ?? [], [1 - 0.1, -1 + 0.4]);
  });

  it('momentum 0.9: v1 = g, v2 = 0.9·g + g = 1.9·g', () => {
    const [one, two] = trajectory({ name: 'momentum', learningRate: 0.1 }, [0], [1], 2);
    expectClose(one ?? [], [-0.1]);
    expectClose(two ?? [], [-0.1 - 0.19]);
  });

  it('adam: m̂ = g and v̂ = g² on the first steps, so each step moves lr·g/(|g| + ε)', () => {
    const steps = trajectory({ name: 'adam', learningRate: 0.01 }, [1, -1], [0.5, -2], 2);
    expectClose(steps[0] ?? [], [1 - 0.01, -1 + 0.01]);
    expectClose(steps[1] ?? [], [1 - 0.02, -1 + 0.02]);
  });

  it('rmsprop ρ 0.9: s1 = 0.1·g², so the first step is lr·g/(sqrt(0.1)·|g|)', () => {
    const [one] = trajectory({ name: 'rmsprop', learningRate: 0.01 }, [0], [3], 1);
    expectClose(one ?? [], [-0.01 / Math.sqrt(0.1)], 1e-5);
  });

  it('adds weight decay to parameters marked for it only', () => {
    const decayed = tf.variable(tf.tensor1d([2]));
    const exempt = tf.variable(tf.tensor1d([2]));
    const optimizer = createOptimizer({ name: 'sgd', learningRate: 0.5, weightDecay: 0.1 });
    tf.tidy(() =>
      optimizer.apply(
        [
          { name: 'a', value: decayed, decay: true },
          { name: 'b', value: exempt, decay: false },
        ],
        new Map([
          ['a', tf.tensor1d([1])],
          ['b', tf.tensor1d([1])],
        ]),
        0.5,
      ),
    );
    // a: g = 1 + 0.1·2 = 1.2 → 2 − 0.6; b: g = 1 → 2 − 0.5.
    expectClose(values(decayed), [1.4]);
    expectClose(values(exempt), [1.5]);
    tf.dispose([decayed, exempt]);
    optimizer.dispose();
  });

  it('refuses an unknown optimizer and a negative setting, naming them', () => {
    expect(() => createOptimizer({ name: 'adagrad' as 'adam', learningRate: 1 })).toThrow(
      /optimizer must be one of adam, sgd, momentum, rmsprop, got adagrad/,
    );
    expect(() => createOptimizer({ name: 'adam', learningRate: 1, beta1: -0.1 })).toThrow(
      /beta1 must be a finite number ≥ 0, got -0.1/,
    );
  });
});

describe('fused updates', () => {
  beforeAll(() => useBackend('wasm'));

  it('match the tfjs-op updates for every optimizer over ten steps', () => {
    const theta0 = Array.from({ length: 64 }, (_, i) => Math.sin(i));
    const grad = Array.from({ length: 64 }, (_, i) => Math.cos(3 * i) * 0.1);
    for (const name of ['adam', 'sgd', 'momentum', 'rmsprop'] as const) {
      const run = (implementation: 'fused' | 'ops') =>
        trajectory(
          { name, learningRate: 0.01, weightDecay: 0.01, implementation },
          theta0,
          grad,
          10,
        );
      const fused = run('fused');
      const ops = run('ops');
      fused.forEach((step, i) => {
        expectClose(step, ops[i] ?? [], 1e-5);
      });
    }
  });
});
