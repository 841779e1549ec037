import type { Sequential } from '@rrelu/layers';
import * as tf from '@tensorflow/tfjs-core';
import type { NamedWeights } from './protocol.js';

/**
 * Copies every parameter and state tensor (moving batch-norm statistics) of
 * a model out of the backend, by its layer-qualified name.
 */
export function readWeights(model: Sequential): NamedWeights[] {
  return [...model.parameters(), ...model.state()].map(({ name, value }) => ({
    name,
    shape: [...value.shape],
    values: new Float32Array(value.dataSync()),
  }));
}

/**
 * Loads weights into a model built with the same configuration; every
 * tensor of the model must be present with the same shape.
 */
export function writeWeights(model: Sequential, weights: readonly NamedWeights[]): void {
  const byName = new Map(weights.map((w) => [w.name, w]));
  for (const { name, value } of [...model.parameters(), ...model.state()]) {
    const saved = byName.get(name);
    if (saved === undefined) throw new Error(`weights: no tensor named ${name}`);
    if (saved.shape.join('x') !== value.shape.join('x')) {
      throw new Error(
        `weights: ${name} has shape [${saved.shape}], the model expects [${value.shape}]`,
      );
    }
    const source = tf.tensor(saved.values, saved.shape);
    value.assign(source);
    source.dispose();
  }
}
