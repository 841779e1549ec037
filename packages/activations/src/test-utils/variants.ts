import type { ActivationOptions } from '../registry.js';

/** One registry activation with one choice of options. */
export interface Variant {
  name: string;
  options: ActivationOptions;
}

/**
 * Every registry activation with its defaults and with each option set to
 * other values that exercise a different branch: slopes 0, negative and
 * above 1, every PReLU sharing, every RReLU preset, form, noise and
 * evaluation rule (and lower = upper), α of both signs, both GELU forms, β
 * of 0, both signs and large.
 */
export const VARIANTS: readonly Variant[] = [
  { name: 'relu', options: {} },
  { name: 'lrelu', options: {} },
  { name: 'lrelu', options: { alpha: 0 } },
  { name: 'lrelu', options: { alpha: -2 } },
  { name: 'lrelu', options: { alpha: 3 } },
  { name: 'vlrelu', options: {} },
  { name: 'prelu', options: {} },
  { name: 'prelu', options: { initial: 0.1, sharing: 'shared' } },
  { name: 'prelu', options: { initial: -0.5, sharing: 'element' } },
  { name: 'rrelu', options: {} },
  { name: 'rrelu', options: { preset: 'torch' } },
  { name: 'rrelu', options: { preset: 'blog' } },
  { name: 'rrelu', options: { evaluation: 'expected' } },
  { name: 'rrelu', options: { noise: 'unit' } },
  { name: 'rrelu', options: { preset: 'torch', noise: 'layer' } },
  { name: 'rrelu', options: { form: 'multiply', lower: 0.2, upper: 0.2 } },
  { name: 'elu', options: {} },
  { name: 'elu', options: { alpha: 2.5 } },
  { name: 'elu', options: { alpha: -0.5 } },
  { name: 'selu', options: {} },
  { name: 'celu', options: {} },
  { name: 'celu', options: { alpha: 0.5 } },
  { name: 'celu', options: { alpha: 2 } },
  { name: 'celu', options: { alpha: -1 } },
  { name: 'gelu', options: {} },
  { name: 'gelu', options: { approximate: 'tanh' } },
  { name: 'silu', options: {} },
  { name: 'silu', options: { beta: 0 } },
  { name: 'silu', options: { beta: -1 } },
  { name: 'silu', options: { beta: 4 } },
  { name: 'mish', options: {} },
  { name: 'softplus', options: {} },
  { name: 'softplus', options: { beta: 0.5 } },
  { name: 'softplus', options: { beta: 4 } },
];

/** "celu {alpha: -1}"-style label for test titles. */
export function variantLabel({ name, options }: Variant): string {
  const entries = Object.entries(options);
  if (entries.length === 0) return `${name} (defaults)`;
  return `${name} {${entries.map(([key, value]) => `${key}: ${value}`).join(', ')}}`;
}
