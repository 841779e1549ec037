import * as tf from '@tensorflow/tfjs-core';
import { expectClose, scoped } from '../../../../tooling/test-utils/tensors.js';
import type { Layer } from '../types.js';

/**
 * Checks a layer's hand-written backward pass against central finite
 * differences of L = Σ y ⊙ r for a fixed random r (so dL/dy = r): the input
 * gradient and every parameter's gradient, element by element.
 */
export function lossGradientCheck(layer: Layer, x: tf.Tensor2D, h = 1e-2, epsilon = 2e-3): void {
  const r = tf.tidy(() =>
    tf.randomNormal(layer.forward(x, { training: false }).shape, 0, 1, 'float32', 11),
  );
  const loss = (input: tf.Tensor2D) =>
    tf.tidy(
      () => tf.sum(tf.mul(layer.forward(input, { training: true }), r)).dataSync()[0] as number,
    );

  const { dx, gradients } = scoped(() => {
    const grads = new Map<string, tf.Tensor>();
    layer.forward(x, { training: true });
    const dInput = layer.backward(r as tf.Tensor2D, true, grads);
    return {
      dx: Array.from(dInput?.dataSync() ?? []),
      gradients: new Map([...grads].map(([k, v]) => [k, Array.from(v.dataSync())])),
    };
  });

  const xs = Array.from(x.dataSync());
  const numericDx = xs.map((_, i) => {
    const shifted = (delta: number) => {
      const copy = xs.slice();
      copy[i] = (copy[i] as number) + delta;
      return loss(tf.tensor2d(copy, x.shape));
    };
    return (shifted(h) - shifted(-h)) / (2 * h);
  });
  expectClose(dx, numericDx, epsilon);

  for (const parameter of layer.parameters()) {
    const original = Array.from(parameter.value.dataSync());
    const numeric = original.map((_, i) => {
      const shifted = (delta: number) => {
        const copy = original.slice();
        copy[i] = (copy[i] as number) + delta;
        parameter.value.assign(tf.tensor(copy, parameter.value.shape));
        return loss(x);
      };
      const slope = (shifted(h) - shifted(-h)) / (2 * h);
      parameter.value.assign(tf.tensor(original, parameter.value.shape));
      return slope;
    });
    expectClose(gradients.get(parameter.name) ?? [], numeric, epsilon);
  }
  r.dispose();
}
