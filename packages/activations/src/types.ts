import type { Tensor } from '@tensorflow/tfjs-core';

/** How an activation is being called. */
export interface ActivationMode {
  /** Training mode draws RReLU noise; evaluation mode is deterministic. */
  training: boolean;
}

/**
 * An activation's output together with its elementwise derivative, so a
 * hand-written backward pass needs one multiplication: dx = dy ⊙ dydx.
 */
export interface LocalForward {
  /** f(x), same shape as x. */
  y: Tensor;
  /** f'(x), same shape as x (the convention at kinks is the activation's). */
  dydx: Tensor;
}

/** Values that describe a resolved activation in a manifest or a table. */
export type ActivationConfig = Readonly<Record<string, string | number | boolean>>;

/**
 * An activation as a layer uses it: forward with its local derivative and,
 * for learned activations (PReLU), the gradient of its parameters.
 */
export interface Activation {
  /** Registry name, e.g. `rrelu`. */
  readonly name: string;
  /** Every option resolved to its value. */
  readonly config: ActivationConfig;
  /**
   * Shape of the learned parameter for inputs whose shape without the batch
   * axis is `featureShape`, or `null` when the activation learns nothing.
   */
  parameterShape(featureShape: readonly number[]): number[] | null;
  /** Initial value of every learned parameter. */
  readonly initialParameter?: number;
  /** Forward pass with the elementwise derivative. `alpha` only for learned activations. */
  forward(x: Tensor, mode: ActivationMode, alpha?: Tensor): LocalForward;
  /** Gradient of the learned parameter, summed over broadcast axes. */
  parameterGradient?(dy: Tensor, x: Tensor, alpha: Tensor): Tensor;
}
