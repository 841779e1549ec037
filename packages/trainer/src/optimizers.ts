import type { Parameter } from '@rrelu/layers';
import * as tf from '@tensorflow/tfjs-core';
import { heapView } from './heap-view.js';

/** Optimizers the trainer offers. */
export type OptimizerName = 'adam' | 'sgd' | 'momentum' | 'rmsprop';
export const OPTIMIZER_NAMES: readonly OptimizerName[] = ['adam', 'sgd', 'momentum', 'rmsprop'];

/** Optimizer settings; unused fields are ignored by optimizers that have no such setting. */
export interface OptimizerOptions {
  name: OptimizerName;
  learningRate: number;
  /** Adam β1 (0.9). */
  beta1?: number;
  /** Adam β2 (0.999). */
  beta2?: number;
  /** Adam and RMSprop ε (1e-8). */
  epsilon?: number;
  /** Momentum coefficient for `momentum` (0.9) and RMSprop's decay ρ (0.9). */
  momentum?: number;
  /** L2 penalty added to the gradient of parameters marked `decay` (default 0). */
  weightDecay?: number;
  /**
   * `fused` updates each parameter in one pass over its memory (wasm backend
   * only); `ops` uses tfjs ops (about a dozen passes); `auto` picks fused
   * where it can. Both compute the same update, to float32 rounding.
   */
  implementation?: 'auto' | 'fused' | 'ops';
}

/** Applies one update to every parameter given its gradient. */
export interface Optimizer {
  readonly options: Readonly<Required<OptimizerOptions>>;
  /** Updates done so far. */
  readonly iterations: number;
  /**
   * One update at learning rate `learningRate` (the schedule's value for this
   * step). Must run inside a tfjs scope; gradients are read, not disposed.
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
  implementation: 'auto',
} as const;

const NUMERIC_SETTINGS = [
  'learningRate',
  'beta1',
  'beta2',
  'epsilon',
  'momentum',
  'weightDecay',
] as const;

/** The moment buffers each optimizer keeps per parameter. */
const SLOT_NAMES: Record<OptimizerName, readonly string[]> = {
  sgd: [],
  momentum: ['velocity'],
  rmsprop: ['meanSquare'],
  adam: ['m', 'v'],
};

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
  for (const key of NUMERIC_SETTINGS) {
    const value = resolved[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
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
    const { implementation } = this.options;

    for (const parameter of parameters) {
      const gradient = gradients.get(parameter.name);
      if (gradient === undefined) continue; // frozen or unused parameter

      const slots = SLOT_NAMES[this.options.name].map((kind) => this.slot(parameter, kind));
      const fused =
        implementation !== 'ops' && this.applyFused(parameter, gradient, slots, learningRate);
      if (!fused && implementation === 'fused') {
        throw new Error('optimizer: the fused update needs the wasm backend');
      }
      if (!fused) this.applyOps(parameter, gradient, slots, learningRate);
    }
  }

  slots(): { name: string; value: tf.Variable }[] {
    return [...this.slotMap].map(([name, value]) => ({ name, value }));
  }

  dispose(): void {
    for (const value of this.slotMap.values()) value.dispose();
    this.slotMap.clear();
  }

  /**
   * One pass over memory: reads θ, g and the slots, updates the slots in
   * place and writes the new θ into a fresh tensor that replaces the
   * variable's value. θ must get a new tensor id: the wasm matMul caches
   * packed weights per id, so an in-place write would leave it computing
   * with the old weights. Returns false when memory views are not available
   * (a backend other than wasm).
   */
  private applyFused(
    parameter: Parameter,
    gradient: tf.Tensor,
    slots: tf.Variable[],
    learningRate: number,
  ): boolean {
    const next = tf.zerosLike(parameter.value); // allocate before taking views
    const out = heapView(next);
    const theta = heapView(parameter.value);
    const g = heapView(gradient);
    const views = slots.map(heapView);
    if (out === null || theta === null || g === null || views.some((view) => view === null)) {
      next.dispose();
      return false;
    }
    const [a, b] = views as Float32Array[];
    const { name, beta1, beta2, epsilon, momentum } = this.options;
    const decay = parameter.decay ? this.options.weightDecay : 0;
    const n = theta.length;

    if (name === 'sgd') {
      for (let i = 0; i < n; i++) out[i] = theta[i]! - learningRate * (g[i]! + decay * theta[i]!);
    } else if (name === 'momentum' && a !== undefined) {
      for (let i = 0; i < n; i++) {
        a[i] = momentum * a[i]! + g[i]! + decay * theta[i]!;
        out[i] = theta[i]! - learningRate * a[i]!;
      }
    } else if (name === 'rmsprop' && a !== undefined) {
      for (let i = 0; i < n; i++) {
        const gi = g[i]! + decay * theta[i]!;
        a[i] = momentum * a[i]! + (1 - momentum) * gi * gi;
        out[i] = theta[i]! - (learningRate * gi) / (Math.sqrt(a[i]!) + epsilon);
      }
    } else if (name === 'adam' && a !== undefined && b !== undefined) {
      const t = this.iterations;
      const stepSize = learningRate / (1 - beta1 ** t); // folds m̂ = m/(1 − β1^t) in
      const vScale = 1 / (1 - beta2 ** t); // v̂ = v/(1 − β2^t)
      for (let i = 0; i < n; i++) {
        const gi = g[i]! + decay * theta[i]!;
        const mi = beta1 * a[i]! + (1 - beta1) * gi;
        const vi = beta2 * b[i]! + (1 - beta2) * gi * gi;
        a[i] = mi;
        b[i] = vi;
        out[i] = theta[i]! - (stepSize * mi) / (Math.sqrt(vi * vScale) + epsilon);
      }
    }
    parameter.value.assign(next);
    return true;
  }

  /** The same updates as tfjs ops, for backends without direct memory access. */
  private applyOps(
    parameter: Parameter,
    raw: tf.Tensor,
    [a, b]: tf.Variable[],
    learningRate: number,
  ): void {
    const { name, beta1, beta2, epsilon, momentum, weightDecay } = this.options;
    const theta = parameter.value;
    const g = parameter.decay && weightDecay > 0 ? tf.add(raw, tf.mul(theta, weightDecay)) : raw;

    if (name === 'sgd') {
      theta.assign(tf.sub(theta, tf.mul(g, learningRate)));
    } else if (name === 'momentum' && a !== undefined) {
      a.assign(tf.add(tf.mul(a, momentum), g));
      theta.assign(tf.sub(theta, tf.mul(a, learningRate)));
    } else if (name === 'rmsprop' && a !== undefined) {
      a.assign(tf.add(tf.mul(a, momentum), tf.mul(tf.square(g), 1 - momentum)));
      theta.assign(tf.sub(theta, tf.div(tf.mul(g, learningRate), tf.add(tf.sqrt(a), epsilon))));
    } else if (name === 'adam' && a !== undefined && b !== undefined) {
      const t = this.iterations;
      a.assign(tf.add(tf.mul(a, beta1), tf.mul(g, 1 - beta1)));
      b.assign(tf.add(tf.mul(b, beta2), tf.mul(tf.square(g), 1 - beta2)));
      const mHat = tf.div(a, 1 - beta1 ** t);
      const vHat = tf.div(b, 1 - beta2 ** t);
      const update = tf.div(tf.mul(mHat, learningRate), tf.add(tf.sqrt(vHat), epsilon));
      theta.assign(tf.sub(theta, update));
    }
  }

  private slot(parameter: Parameter, kind: string): tf.Variable {
    const key = `${parameter.name}/${kind}`;
    let value = this.slotMap.get(key);
    if (value === undefined) {
      const like = parameter.value;
      value = tf.tidy(() => tf.variable(tf.zerosLike(like), false));
      this.slotMap.set(key, value);
    }
    return value;
  }
}
