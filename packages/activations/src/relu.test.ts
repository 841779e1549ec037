import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useBackend, values } from '../../../tooling/test-utils/tensors.js';
import { relu, reluForward } from './relu.js';
import { expectGradientsMatchFiniteDifferences } from './test-utils/gradient-check.js';

describe('relu', () => {
  beforeAll(() => useBackend('wasm'));

  it('gives max(x, 0) and gradient 0 at x = 0 on wasm (case P13)', () => {
    const x = tf.tensor1d([-1, 0, 2]);
    const { y, dydx } = reluForward(x);
    expect(y.shape).toEqual([3]);
    expect(y.dtype).toBe('float32');
    expectClose(values(y), [0, 0, 2]);
    expectClose(values(dydx), [0, 0, 1]);
    expectClose(values(tf.grad((t) => relu(t))(x)), [0, 0, 1]);
  });

  it('matches central differences away from the kink on scalar, 1-D, 2-D and 4-D inputs', () => {
    expectGradientsMatchFiniteDifferences((t) => relu(t), 'relu');
  });

  it('adds no tensors inside tidy, forward and backward', () => {
    const x = tf.randomNormal([4, 5]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grad((t) => relu(t))(x);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
