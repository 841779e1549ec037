import type { Parameter } from '@rrelu/layers';
import * as tf from '@tensorflow/tfjs-core';

/** Optimizers the trainer offers. */
export type OptimizerName = 'adam' | 'sgd' | 'momentum' | 'rmsprop';
export const OPTIMIZER_NAMES: readonly OptimizerName[] = ['adam', 'sgd', 'momentum', 'rmsprop'];

/** Optimizer settings; unused fields are ignored by optimizers that have no such setting. */
export interface OptimizerOptions {
  name: OptimizerName;
  learningRate: number;
  /** Adam β1 (0.9), RMSprop and momentum use `momentum` instead. */
  beta1?: number;
  /** Adam β2 (0.999). */
  beta2?: number;
  /** Adam and RMSprop ε (1e-8). */
  epsilon?: number;
  /** Momentum coefficient for `momentum` (0.9) and RMSprop's decay ρ (0.9). */
  momentum?: number;
  /** L2 penalty added to the gradient of parameters marked `decay` (default 0). */
  weightDecay?: number;
}

/** Applies one update to every parameter given its gradient. */
export interface Optimizer {
  readonly options: Readonly<Required<OptimizerOptions>>;
  /** Updates done so far. */
  readonly iterations: number;
  /**
   * One update at learning rate `learningRate` (the schedule's value for this
   * step). Must run inside `tf.tidy`; gradients are consumed, not disposed.
   */
  apply(parameters: Parameter[], gradients: Map<string, tf.Tensor>, learningRate: number): void;
  /** Slot variables (moments), named `<parameter>/<slot>`, for checkpoints. */
  slots(): { name: string; value: tf.Variable }[];
  dispose(): void;
}

/** Defaults: Adam with Kingma & Ba's β1 0.9, β2 0.999, ε 1e-8. */
export const OPTIMIZER_DEFAULTS = {
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  momentum: 0.9,
  weightDecay: 0,
} as const;

/**
 * Creates an optimizer. Updates, with g the gradient (+ weightDecay·θ when
 * the parameter takes decay) and t the 1-based step:
 * - sgd: θ ← θ − lr·g
 * - momentum: v ← μ·v + g; θ ← θ − lr·v (PyTorch's form)
 * - rmsprop: s ← ρ·s + (1 − ρ)·g²; θ ← θ − lr·g/(sqrt(s) + ε)
 * - adam (Kingma & Ba 2015, Algorithm 1): m ← β1·m + (1 − β1)·g;
 *   v ← β2·v + (1 − β2)·g²; θ ← θ − lr·m̂/(sqrt(v̂) + ε) with
 *   m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t).
 */
export function createOptimizer(options: OptimizerOptions): Optimizer {
  const resolved: Required<OptimizerOptions> = { ...OPTIMIZER_DEFAULTS, ...options };
  if (!OPTIMIZER_NAMES.includes(resolved.name)) {
    throw new RangeError(
      `optimizer must be one of ${OPTIMIZER_NAMES.join(', ')}, got ${String(resolved.name)}`,
    );
  }
  for (const key of [
    'learningRate',
    'beta1',
    'beta2',
    'epsilon',
    'momentum',
    'weightDecay',
  ] as const) {
    const value = resolved[key];
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`optimizer ${key} must be a finite number ≥ 0, got ${value}`);
    }
  }
  return new SlotOptimizer(resolved);
}

class SlotOptimizer implements Optimizer {
  readonly options: Readonly<Required<OptimizerOptions>>;
  iterations = 0;
  private readonly slotMap = new Map<string, tf.Variable>();

  constructor(options: Required<OptimizerOptions>) {
    this.options = options;
  }

  apply(parameters: Parameter[], gradients: Map<string, tf.Tensor>, learningRate: number): void {
    this.iterations += 1;
    const { name, beta1, beta2, epsilon, momentum, weightDecay } = this.options;
    const t = this.iterations;

    for (const parameter of parameters) {
      const raw = gradients.get(parameter.name);
      if (raw === undefined) continue; // frozen or unused parameter
      const theta = parameter.value;
      const g = parameter.decay && weightDecay > 0 ? tf.add(raw, tf.mul(theta, weightDecay)) : raw;

      if (name === 'sgd') {
        theta.assign(tf.sub(theta, tf.mul(g, learningRate)));
      } else if (name === 'momentum') {
        const v = this.slot(parameter, 'velocity');
        v.assign(tf.add(tf.mul(v, momentum), g));
        theta.assign(tf.sub(theta, tf.mul(v, learningRate)));
      } else if (name === 'rmsprop') {
        const s = this.slot(parameter, 'meanSquare');
        s.assign(tf.add(tf.mul(s, momentum), tf.mul(tf.square(g), 1 - momentum)));
        theta.assign(tf.sub(theta, tf.div(tf.mul(g, learningRate), tf.add(tf.sqrt(s), epsilon))));
      } else {
        const m = this.slot(parameter, 'm');
        const v = this.slot(parameter, 'v');
        m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)));
        v.assign(tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2)));
        const mHat = tf.div(m, 1 - beta1 ** t);
        const vHat = tf.div(v, 1 - beta2 ** t);
        theta.assign(
          tf.sub(theta, tf.div(tf.mul(mHat, learningRate), tf.add(tf.sqrt(vHat), epsilon))),
        );
      }
    }
  }

  slots(): { name: string; value: tf.Variable }[] {
    return [...this.slotMap].map(([name, value]) => ({ name, value }));
  }

  dispose(): void {
    for (const value of this.slotMap.values()) value.dispose();
    this.slotMap.clear();
  }

  private slot(parameter: Parameter, kind: string): tf.Variable {
    const key = `${parameter.name}/${kind}`;
    let value = this.slotMap.get(key);
    if (value === undefined) {
      value = tf.variable(tf.zerosLike(parameter.value), false, `optimizer/${key}`);
      this.slotMap.set(key, value);
    }
    return value;
  }
}
