import * as tf from '@tensorflow/tfjs-core';
import { newVariable } from './variables.js';
import type { CallMode, Layer, Parameter, StateTensor } from './types.js';
import { requireInRange } from './validate.js';

/** Keras's defaults: keep 99 % of the moving value each step; ε = 1e-3. */
export const BATCH_NORM_DEFAULT_DECAY = 0.99;
export const BATCH_NORM_DEFAULT_EPSILON = 1e-3;

/** Options of a batch-normalization layer over the last (feature) axis. */
export interface BatchNormOptions {
  name?: string;
  /**
   * Fraction of the moving statistics kept per step (Keras `momentum`,
   * default 0.99). PyTorch's `momentum` m corresponds to decay 1 − m.
   */
  decay?: number;
  /** Added to the variance before the square root; default 1e-3. */
  epsilon?: number;
  /** Learn a scale γ (initialised to 1). Default true. */
  scale?: boolean;
  /** Learn a shift β (initialised to 0). Default true. */
  center?: boolean;
}

/**
 * Batch normalization (Ioffe & Szegedy, 2015) over the feature axis of a
 * [batch, features] input.
 *
 * Training: y = γ·(x − μ_B)/sqrt(σ²_B + ε) + β with the batch mean μ_B and
 * biased variance σ²_B; the moving mean and the moving *unbiased* variance
 * σ²_B·N/(N − 1) are updated as moving = decay·moving + (1 − decay)·batch.
 * Evaluation: the moving statistics replace the batch ones.
 * Moving statistics are state, not trainable parameters.
 */
export class BatchNorm implements Layer {
  readonly name: string;
  readonly decay: number;
  readonly epsilon: number;
  readonly useScale: boolean;
  readonly useCenter: boolean;
  private gamma: tf.Variable<tf.Rank.R1> | null = null;
  private beta: tf.Variable<tf.Rank.R1> | null = null;
  private movingMean: tf.Variable<tf.Rank.R1> | null = null;
  private movingVariance: tf.Variable<tf.Rank.R1> | null = null;
  private cache: { normalized: tf.Tensor2D; invStd: tf.Tensor1D } | null = null;
  private units = 0;

  constructor(options: BatchNormOptions = {}) {
    this.name = options.name ?? 'batchNorm';
    this.decay = requireInRange(
      this.name,
      'decay',
      options.decay ?? BATCH_NORM_DEFAULT_DECAY,
      0,
      1,
    );
    this.epsilon = requireInRange(
      this.name,
      'epsilon',
      options.epsilon ?? BATCH_NORM_DEFAULT_EPSILON,
      0,
      Number.MAX_VALUE,
    );
    this.useScale = options.scale ?? true;
    this.useCenter = options.center ?? true;
  }

  build(inputUnits: number): number {
    this.units = inputUnits;
    if (this.useScale) this.gamma = newVariable(() => tf.ones<tf.Rank.R1>([inputUnits]), true);
    if (this.useCenter) this.beta = newVariable(() => tf.zeros<tf.Rank.R1>([inputUnits]), true);
    this.movingMean = newVariable(() => tf.zeros<tf.Rank.R1>([inputUnits]), false);
    this.movingVariance = newVariable(() => tf.ones<tf.Rank.R1>([inputUnits]), false);
    return inputUnits;
  }

  forward(x: tf.Tensor2D, mode: CallMode): tf.Tensor2D {
    const { movingMean, movingVariance } = this.built();

    if (!mode.training) {
      // y = x·k + c with k = γ/sqrt(moving σ² + ε), c = β − moving μ·k.
      const k = this.scaled(tf.rsqrt(tf.add(movingVariance, this.epsilon)));
      const c = tf.sub(this.beta ?? 0, tf.mul(movingMean, k));
      return tf.add(tf.mul(x, k), c);
    }

    const n = x.shape[0];
    if (n < 2) {
      throw new RangeError(`${this.name}: training needs a batch of at least 2, got ${n}`);
    }
    const { mean, variance } = tf.moments(x, 0); // [units] each, biased variance
    const invStd = tf.rsqrt(tf.add(variance, this.epsilon)) as tf.Tensor1D;
    const normalized = tf.mul(tf.sub(x, mean), invStd) as tf.Tensor2D; // [B, units]
    this.cache = { normalized, invStd };

    const keep = this.decay;
    movingMean.assign(tf.add(tf.mul(movingMean, keep), tf.mul(mean, 1 - keep)));
    const unbiased = tf.mul(variance, n / (n - 1));
    movingVariance.assign(tf.add(tf.mul(movingVariance, keep), tf.mul(unbiased, 1 - keep)));

    const scaled = this.scaled(normalized);
    return (this.beta === null ? scaled : tf.add(scaled, this.beta)) as tf.Tensor2D;
  }

  /**
   * dβ = Σ dy, dγ = Σ dy·x̂, and with g = dy·γ:
   * dx = (1/sqrt(σ² + ε))·(g − mean(g) − x̂·mean(g·x̂)), means over the batch.
   */
  backward(
    dy: tf.Tensor2D,
    needInput: boolean,
    gradients: Map<string, tf.Tensor>,
  ): tf.Tensor2D | null {
    if (this.cache === null)
      throw new Error(`${this.name}: backward called without a training forward`);
    const { normalized, invStd } = this.cache;
    this.cache = null;

    if (this.gamma !== null) gradients.set(`${this.name}/gamma`, tf.sum(tf.mul(dy, normalized), 0));
    if (this.beta !== null) gradients.set(`${this.name}/beta`, tf.sum(dy, 0));
    if (!needInput) return null;

    const g = this.scaled(dy); // [B, units]
    const meanG = tf.mean(g, 0);
    const meanGx = tf.mean(tf.mul(g, normalized), 0);
    const centred = tf.sub(tf.sub(g, meanG), tf.mul(normalized, meanGx));
    return tf.mul(centred, invStd) as tf.Tensor2D;
  }

  parameters(): Parameter[] {
    const list: Parameter[] = [];
    if (this.gamma !== null)
      list.push({ name: `${this.name}/gamma`, value: this.gamma, decay: false });
    if (this.beta !== null)
      list.push({ name: `${this.name}/beta`, value: this.beta, decay: false });
    return list;
  }

  state(): StateTensor[] {
    const { movingMean, movingVariance } = this.built();
    return [
      { name: `${this.name}/movingMean`, value: movingMean },
      { name: `${this.name}/movingVariance`, value: movingVariance },
    ];
  }

  describe(): string {
    return `batchNorm ${this.units} (decay ${this.decay}, ε ${this.epsilon})`;
  }

  dispose(): void {
    for (const v of [this.gamma, this.beta, this.movingMean, this.movingVariance]) v?.dispose();
    this.gamma = null;
    this.beta = null;
    this.movingMean = null;
    this.movingVariance = null;
  }

  private scaled<T extends tf.Tensor>(t: T): T {
    return (this.gamma === null ? t : tf.mul(t, this.gamma)) as T;
  }

  private built() {
    const { movingMean, movingVariance } = this;
    if (movingMean === null || movingVariance === null) {
      throw new Error(`${this.name}: build() must run before use`);
    }
    return { movingMean, movingVariance };
  }
}
