import { type Activation, type ActivationOptions, createActivation } from '@rrelu/activations';
import * as tf from '@tensorflow/tfjs-core';
import { newVariable } from './variables.js';
import type { BuildSeeds, CallMode, Layer, Parameter, StateTensor } from './types.js';

/** Options of an activation layer. */
export interface ActivationLayerOptions {
  /** A registry name (`relu`, `rrelu`, …) or a ready activation. */
  activation: string | Activation;
  /** Registry options, e.g. `{ preset: 'torch' }` for RReLU. */
  options?: ActivationOptions;
  name?: string;
}

/**
 * Applies an activation from @rrelu/activations. Learned activations (PReLU)
 * get their slopes as a trainable parameter, excluded from weight decay.
 * RReLU's noise stream is keyed by the model seed and this layer's name.
 */
export class ActivationLayer implements Layer {
  readonly name: string;
  private readonly spec: ActivationLayerOptions;
  private activation: Activation | null = null;
  private alpha: tf.Variable | null = null;
  private cache: { x: tf.Tensor2D; dydx: tf.Tensor } | null = null;

  constructor(options: ActivationLayerOptions) {
    this.spec = options;
    const base =
      typeof options.activation === 'string' ? options.activation : options.activation.name;
    this.name = options.name ?? base;
    if (typeof options.activation === 'string') {
      createActivation(options.activation, options.options ?? {}); // validate early
    }
  }

  /** The activation in use (after build). */
  get fn(): Activation {
    if (this.activation === null) throw new Error(`${this.name}: build() must run before use`);
    return this.activation;
  }

  build(inputUnits: number, seeds: BuildSeeds): number {
    const { activation, options = {} } = this.spec;
    this.activation =
      typeof activation === 'string'
        ? createActivation(activation, options, { seed: seeds.noise, name: this.name })
        : activation;

    const shape = this.activation.parameterShape([inputUnits]);
    if (shape !== null) {
      const initial = this.activation.initialParameter ?? 0;
      this.alpha = newVariable(() => tf.fill(shape, initial), true);
    }
    return inputUnits;
  }

  forward(x: tf.Tensor2D, mode: CallMode): tf.Tensor2D {
    const { y, dydx } = this.fn.forward(x, mode, this.alpha ?? undefined);
    if (mode.training) this.cache = { x, dydx };
    return y as tf.Tensor2D;
  }

  backward(
    dy: tf.Tensor2D,
    needInput: boolean,
    gradients: Map<string, tf.Tensor>,
  ): tf.Tensor2D | null {
    if (this.cache === null)
      throw new Error(`${this.name}: backward called without a training forward`);
    const { x, dydx } = this.cache;
    this.cache = null;

    if (this.alpha !== null && this.fn.parameterGradient !== undefined) {
      gradients.set(`${this.name}/alpha`, this.fn.parameterGradient(dy, x, this.alpha));
    }
    return needInput ? (tf.mul(dy, dydx) as tf.Tensor2D) : null;
  }

  parameters(): Parameter[] {
    if (this.alpha === null) return [];
    return [{ name: `${this.name}/alpha`, value: this.alpha, decay: false }];
  }

  state(): StateTensor[] {
    return [];
  }

  describe(): string {
    const config = Object.entries(this.fn.config)
      .map(([key, value]) => `${key} ${value}`)
      .join(', ');
    return `${this.fn.name}${config === '' ? '' : ` (${config})`}`;
  }

  dispose(): void {
    this.alpha?.dispose();
    this.alpha = null;
  }
}
