import type { ActivationChoice, GridSpec } from '@rrelu/trainer';
import type { SplitSizes } from '../workers/dataset-subset.js';

/** RReLU conventions offered as separate rows of a grid. */
export const RRELU_PRESET_CHOICES = ['paper', 'torch', 'blog'] as const;

/** The train form's values. */
export interface GridForm extends SplitSizes {
  /** Registry names, plus `rrelu-<preset>` for RReLU conventions. */
  activations: string[];
  batchNorm: boolean[];
  seedsText: string;
  epochs: number;
}

/** Examples in the loaded files, which bound the split sizes. */
export interface FileSizes {
  /** The training file, validation examples included (MNIST: 60,000). */
  trainFile: number;
  /** The test file (MNIST: 10,000). */
  test: number;
}

/**
 * Turns the form into a grid for `planGrid` and the split every run of it
 * uses, or an error message naming the field to fix.
 */
export function gridFromForm(
  form: GridForm,
  files: FileSizes,
): { grid: GridSpec; split: SplitSizes } | { error: string } {
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
  const sizeError = splitError(form, files);
  if (sizeError !== null) return { error: sizeError };

  const { validationSize, trainSize, testSize } = form;
  return {
    grid: {
      activations: form.activations.map(activationChoice),
      batchNorm: [...new Set(form.batchNorm)],
      seeds: [...new Set(seeds)],
      base: { epochs: form.epochs },
    },
    split: { validationSize, trainSize, testSize },
  };
}

/** Largest training subset the files allow after `validationSize` validation examples. */
export function maxTrainSize(files: FileSizes, validationSize: number): number {
  return Math.max(files.trainFile - (Number.isSafeInteger(validationSize) ? validationSize : 0), 0);
}

function splitError(form: SplitSizes, files: FileSizes): string | null {
  const { validationSize, trainSize, testSize } = form;
  if (!Number.isSafeInteger(validationSize) || validationSize < 0) {
    return `validation examples must be a whole number ≥ 0, got ${validationSize}`;
  }
  // Two at least, as the CLI's --train-size: batch norm needs two examples for its statistics.
  if (!Number.isSafeInteger(trainSize) || trainSize < 2) {
    return `training examples must be a whole number ≥ 2, got ${trainSize}`;
  }
  const most = maxTrainSize(files, validationSize);
  if (trainSize > most) {
    return `training examples must be at most ${most} (the training file less ${validationSize} for validation), got ${trainSize}`;
  }
  if (!Number.isSafeInteger(testSize) || testSize < 1 || testSize > files.test) {
    return `test examples must be a whole number from 1 to ${files.test}, got ${testSize}`;
  }
  return null;
}

function activationChoice(key: string): ActivationChoice {
  const preset = RRELU_PRESET_CHOICES.find((p) => key === `rrelu-${p}`);
  if (preset === undefined) return { activation: key };
  return { activation: 'rrelu', options: { preset }, label: key };
}
