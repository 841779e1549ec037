import type * as tf from '@tensorflow/tfjs-core';
import type { CallMode, Layer, Parameter, StateTensor } from './types.js';
import { requirePositiveInteger } from './validate.js';

/**
 * A stack of layers applied in order, with an explicit training flag on every
 * call and a backward pass that runs the layers' own gradients in reverse.
 *
 * @example
 * const model = new Sequential([new Dense({ units: 10, name: 'out' })]);
 * model.build(784, 42);
 * const logits = model.forward(x, { training: false });
 */
export class Sequential {
  readonly layers: readonly Layer[];
  private inputUnits = 0;
  private outputUnits = 0;

  constructor(layers: Layer[]) {
    const names = new Set<string>();
    for (const layer of layers) {
      if (names.has(layer.name)) {
        throw new RangeError(
          `Sequential: two layers are named "${layer.name}"; names must be unique`,
        );
      }
      names.add(layer.name);
    }
    this.layers = layers;
  }

  /**
   * Creates every layer's variables: weights from `seed`, RReLU noise from
   * `noiseSeed` (default: `seed`). The same seeds give bit-identical models.
   */
  build(inputUnits: number, seed: number, noiseSeed = seed): this {
    this.inputUnits = requirePositiveInteger('Sequential', 'input units', inputUnits);
    const seeds = { init: seed, noise: noiseSeed };
    let units = inputUnits;
    for (const layer of this.layers) units = layer.build(units, seeds);
    this.outputUnits = units;
    return this;
  }

  get inputSize(): number {
    return this.inputUnits;
  }

  get outputSize(): number {
    return this.outputUnits;
  }

  forward(x: tf.Tensor2D, mode: CallMode): tf.Tensor2D {
    return this.layers.reduce((h, layer) => layer.forward(h, mode), x);
  }

  /**
   * Gradients of every parameter, given dL/d(output) after a training
   * forward; call inside the same `tf.tidy`. The first layer computes no
   * input gradient (nothing needs it).
   */
  backward(dOutput: tf.Tensor2D): Map<string, tf.Tensor> {
    const gradients = new Map<string, tf.Tensor>();
    let dy: tf.Tensor2D | null = dOutput;
    for (let i = this.layers.length - 1; i >= 0 && dy !== null; i--) {
      dy = (this.layers[i] as Layer).backward(dy, i > 0, gradients);
    }
    return gradients;
  }

  parameters(): Parameter[] {
    return this.layers.flatMap((layer) => layer.parameters());
  }

  state(): StateTensor[] {
    return this.layers.flatMap((layer) => layer.state());
  }

  /** Number of trainable values. */
  countParameters(): number {
    return this.parameters().reduce((sum, p) => sum + p.value.size, 0);
  }

  /** A readable table of the layers and their parameter counts. */
  summary(): string {
    const lines = this.layers.map((layer) => {
      const count = layer.parameters().reduce((sum, p) => sum + p.value.size, 0);
      return `${layer.name.padEnd(12)} ${layer.describe().padEnd(48)} ${count}`;
    });
    lines.push(`${'total'.padEnd(12)} ${''.padEnd(48)} ${this.countParameters()}`);
    return lines.join('\n');
  }

  dispose(): void {
    for (const layer of this.layers) layer.dispose();
  }
}
