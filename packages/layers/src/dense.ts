import { requireOneOf } from '@rrelu/activations';
import * as tf from '@tensorflow/tfjs-core';
import { newVariable } from './variables.js';
import { INITIALIZERS, type Initializer, initialWeights } from './initializers.js';
import type { BuildSeeds, CallMode, Layer, Parameter, StateTensor } from './types.js';
import { requirePositiveInteger } from './validate.js';

/** Options of a dense (fully connected) layer. */
export interface DenseOptions {
  units: number;
  /** Layer name, unique within a model; keys its initial weights. Default `dense`. */
  name?: string;
  /** Default `glorotUniform` (Glorot & Bengio 2010), the comparison's scheme. */
  initializer?: Initializer;
  /** Add a learned bias (initialised to zero). Default true. */
  bias?: boolean;
}

/**
 * Dense layer y = x·Wᵀ + b. The kernel W has shape [units, inputUnits], the
 * layout of PyTorch's `Linear.weight`.
 *
 * Every product is a plain matMul whose right-hand operand is batch-sized:
 * the wasm backend runs matMul's transpose flags an order of magnitude
 * slower, and it packs (and caches per tensor) the right-hand operand, which
 * for weights that change every step means repacking them every step.
 *   y  = (W·xᵀ)ᵀ + b        [units, in]·[in, B] → [B, units]
 *   dW = dyᵀ·x              [units, B]·[B, in]
 *   dx = (Wᵀ·dyᵀ)ᵀ          [in, units]·[units, B] → [B, in]
 */
export class Dense implements Layer {
  readonly name: string;
  readonly units: number;
  readonly initializer: Initializer;
  readonly useBias: boolean;
  private kernel: tf.Variable<tf.Rank.R2> | null = null;
  private biasVariable: tf.Variable<tf.Rank.R1> | null = null;
  private input: tf.Tensor2D | null = null;
  private inputUnits = 0;

  constructor(options: DenseOptions) {
    this.units = requirePositiveInteger('dense', 'units', options.units);
    this.name = options.name ?? 'dense';
    this.initializer = requireOneOf(
      this.name,
      'initializer',
      options.initializer ?? 'glorotUniform',
      INITIALIZERS,
    );
    this.useBias = options.bias ?? true;
  }

  build(inputUnits: number, seeds: BuildSeeds): number {
    this.inputUnits = requirePositiveInteger(this.name, 'input units', inputUnits);
    const weights = initialWeights(
      this.initializer,
      inputUnits,
      this.units,
      seeds.init,
      `${this.name}/kernel`,
    );
    // The scheme draws [inputUnits, units] row-major; the kernel keeps its transpose.
    this.kernel = newVariable(
      () => tf.tensor2d(transposeMatrix(weights, inputUnits, this.units), [this.units, inputUnits]),
      true,
    );
    if (this.useBias) {
      this.biasVariable = newVariable(() => tf.zeros<tf.Rank.R1>([this.units]), true);
    }
    return this.units;
  }

  forward(x: tf.Tensor2D, mode: CallMode): tf.Tensor2D {
    const kernel = this.built();
    if (x.shape[1] !== this.inputUnits) {
      throw new RangeError(
        `${this.name}: input has ${x.shape[1]} features, expected ${this.inputUnits}`,
      );
    }

    if (mode.training) this.input = x;
    const product = tf.transpose(tf.matMul(kernel, tf.transpose(x))) as tf.Tensor2D; // [B, units]
    return this.biasVariable === null ? product : tf.add(product, this.biasVariable);
  }

  backward(
    dy: tf.Tensor2D,
    needInput: boolean,
    gradients: Map<string, tf.Tensor>,
  ): tf.Tensor2D | null {
    const kernel = this.built();
    const x = this.input;
    if (x === null) throw new Error(`${this.name}: backward called without a training forward`);

    gradients.set(`${this.name}/kernel`, tf.matMul(tf.transpose(dy), x)); // [units, in]
    if (this.biasVariable !== null) gradients.set(`${this.name}/bias`, tf.sum(dy, 0));
    this.input = null;
    if (!needInput) return null;
    // (Wᵀ·dyᵀ)ᵀ packs the batch-sized dyᵀ, not the kernel; Wᵀ costs one transpose.
    return tf.transpose(tf.matMul(tf.transpose(kernel), tf.transpose(dy))) as tf.Tensor2D; // [B, in]
  }

  parameters(): Parameter[] {
    const kernel = this.built();
    const list: Parameter[] = [{ name: `${this.name}/kernel`, value: kernel, decay: true }];
    if (this.biasVariable !== null) {
      list.push({ name: `${this.name}/bias`, value: this.biasVariable, decay: false });
    }
    return list;
  }

  state(): StateTensor[] {
    return [];
  }

  describe(): string {
    const bias = this.useBias ? '' : ', no bias';
    return `dense ${this.inputUnits} → ${this.units} (${this.initializer}${bias})`;
  }

  dispose(): void {
    this.kernel?.dispose();
    this.biasVariable?.dispose();
    this.kernel = null;
    this.biasVariable = null;
  }

  private built(): tf.Variable<tf.Rank.R2> {
    if (this.kernel === null) throw new Error(`${this.name}: build() must run before use`);
    return this.kernel;
  }
}

/** The transpose of a row-major [rows, cols] matrix, as a new row-major [cols, rows] array. */
function transposeMatrix(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c] as number;
  }
  return out;
}
