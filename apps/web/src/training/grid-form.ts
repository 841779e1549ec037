import type { ActivationChoice, GridSpec } from '@rrelu/trainer';

/** RReLU conventions offered as separate rows of a grid. */
export const RRELU_PRESET_CHOICES = ['paper', 'torch', 'blog'] as const;

/** The train form's values. */
export interface GridForm {
  /** Registry names, plus `rrelu-<preset>` for RReLU conventions. */
  activations: string[];
  batchNorm: boolean[];
  seedsText: string;
  epochs: number;
  trainSize: number;
}

/** Largest training subset: MNIST's 60,000 less the 5,000 validation examples. */
export const MAX_TRAIN_SIZE = 55_000;

/**
 * Turns the form into a grid for `planGrid`, or an error message naming the
 * field to fix.
 */
export function gridFromForm(form: GridForm): { grid: GridSpec } | { error: string } {
  const seeds = form.seedsText
    .split(/[\s,]+/)
    .filter((part) => part !== '')
    .map(Number);
  if (seeds.length === 0 || !seeds.every((s) => Number.isSafeInteger(s) && s >= 0)) {
    return {
      error: `seeds must be whole numbers ≥ 0 separated by commas, got "${form.seedsText}"`,
    };
  }
  if (form.activations.length === 0) return { error: 'choose at least one activation' };
  if (form.batchNorm.length === 0) return { error: 'choose batch norm off, on, or both' };
  if (!Number.isSafeInteger(form.epochs) || form.epochs < 1) {
    return { error: `epochs must be a whole number ≥ 1, got ${form.epochs}` };
  }
  if (!Number.isSafeInteger(form.trainSize) || form.trainSize < 2) {
    return { error: `training examples must be a whole number ≥ 2, got ${form.trainSize}` };
  }
  if (form.trainSize > MAX_TRAIN_SIZE) {
    return { error: `training examples must be at most ${MAX_TRAIN_SIZE}, got ${form.trainSize}` };
  }

  const activations = form.activations.map(activationChoice);
  return {
    grid: {
      activations,
      batchNorm: [...new Set(form.batchNorm)],
      seeds: [...new Set(seeds)],
      base: { epochs: form.epochs },
    },
  };
}

function activationChoice(key: string): ActivationChoice {
  const preset = RRELU_PRESET_CHOICES.find((p) => key === `rrelu-${p}`);
  if (preset === undefined) return { activation: key };
  return { activation: 'rrelu', options: { preset }, label: key };
}
