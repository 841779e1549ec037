import type * as tf from '@tensorflow/tfjs-core';

/**
 * Seeds a layer builds from: initial weights come from `init`, RReLU noise
 * from `noise`, so changing the activation never changes the initial weights.
 */
export interface BuildSeeds {
  init: number;
  noise: number;
}

/** Whether a call trains (batch statistics, RReLU noise, caching for backward). */
export interface CallMode {
  training: boolean;
}

/** A learned tensor and how optimizers treat it. */
export interface Parameter {
  /** Unique within a model, e.g. `dense1/kernel`. */
  readonly name: string;
  readonly value: tf.Variable;
  /** False for slopes and norms that weight decay must skip. */
  readonly decay: boolean;
}

/** A tensor a layer keeps that is not trained by gradients (moving statistics). */
export interface StateTensor {
  readonly name: string;
  readonly value: tf.Variable;
}

/**
 * One layer of a feed-forward network with a hand-written backward pass.
 * `forward` in training mode remembers what `backward` needs; `backward`
 * must follow it inside the same `tf.tidy`, so nothing outlives the step.
 */
export interface Layer {
  readonly name: string;
  /** Creates the layer's variables for inputs with `inputUnits` features; returns its output units. */
  build(inputUnits: number, seeds: BuildSeeds): number;
  forward(x: tf.Tensor2D, mode: CallMode): tf.Tensor2D;
  /**
   * Back-propagates dy through the last training forward: returns dL/dx
   * (or null when `needInput` is false) and puts each parameter's gradient
   * in `gradients` under the parameter's name.
   */
  backward(
    dy: tf.Tensor2D,
    needInput: boolean,
    gradients: Map<string, tf.Tensor>,
  ): tf.Tensor2D | null;
  parameters(): Parameter[];
  state(): StateTensor[];
  /** One line for a model summary, e.g. `dense 784 → 1024`. */
  describe(): string;
  dispose(): void;
}
