import type { ActivationOptions } from '@rrelu/activations';
import { ActivationLayer } from './activation-layer.js';
import { BatchNorm, type BatchNormOptions } from './batch-norm.js';
import { Dense } from './dense.js';
import type { Initializer } from './initializers.js';
import { Sequential } from './sequential.js';
import type { Layer } from './types.js';

/** The comparison network: 784 → 1024 → 128 → 10. */
export const COMPARISON_HIDDEN_UNITS: readonly number[] = [1024, 128];

/** Options of a fully connected classifier. */
export interface MlpOptions {
  /** Hidden layer sizes; default 1024 and 128. */
  hidden?: readonly number[];
  classes?: number;
  activation: string;
  activationOptions?: ActivationOptions;
  /** Insert batch norm between each hidden matMul and its activation. */
  batchNorm?: boolean | BatchNormOptions;
  initializer?: Initializer;
}

/**
 * A multilayer perceptron: per hidden layer dense → (batch norm) → activation,
 * then a dense output layer producing logits. With batch norm the hidden
 * dense layers have no bias: batch norm's shift β takes its place (it is the
 * same bias added after normalizing).
 */
export function mlp(options: MlpOptions): Sequential {
  const { hidden = COMPARISON_HIDDEN_UNITS, classes = 10, initializer = 'glorotUniform' } = options;
  const bnOptions = options.batchNorm === true ? {} : options.batchNorm || null;

  const layers: Layer[] = [];
  hidden.forEach((units, i) => {
    const index = i + 1;
    layers.push(new Dense({ units, name: `dense${index}`, initializer, bias: bnOptions === null }));
    if (bnOptions !== null) layers.push(new BatchNorm({ ...bnOptions, name: `batchNorm${index}` }));
    layers.push(
      new ActivationLayer({
        activation: options.activation,
        options: options.activationOptions ?? {},
        name: `activation${index}`,
      }),
    );
  });
  layers.push(new Dense({ units: classes, name: `dense${hidden.length + 1}`, initializer }));
  return new Sequential(layers);
}
