import { describe, expect, it } from 'vitest';
import { type GridForm, gridFromForm, maxTrainSize } from './grid-form.js';

const form: GridForm = {
  activations: ['relu', 'rrelu-torch'],
  batchNorm: [false, true],
  seedsText: '1, 2',
  epochs: 1,
  trainSize: 600,
  validationSize: 1000,
  testSize: 2000,
};
/** MNIST's files: 60,000 training and 10,000 test images. */
const mnist = { trainFile: 60_000, test: 10_000 };

describe('gridFromForm', () => {
  it('maps RReLU conventions to labelled rows with their preset', () => {
    const result = gridFromForm(form, mnist);
    if (!('grid' in result)) throw new Error(result.error);
    expect(result.grid.activations).toEqual([
      { activation: 'relu' },
      { activation: 'rrelu', options: { preset: 'torch' }, label: 'rrelu-torch' },
    ]);
    expect(result.grid.seeds).toEqual([1, 2]);
    expect(result.grid.base).toEqual({ epochs: 1 });
  });

  it('passes the split sizes on as the CLI flags name them', () => {
    const result = gridFromForm(form, mnist);
    if (!('split' in result)) throw new Error(result.error);
    expect(result.split).toEqual({ validationSize: 1000, trainSize: 600, testSize: 2000 });
  });

  it('names the field to fix', () => {
    expect(gridFromForm({ ...form, seedsText: '1, x' }, mnist)).toEqual({
      error: 'seeds must be whole numbers ≥ 0 separated by commas, got "1, x"',
    });
    expect(gridFromForm({ ...form, trainSize: 1 }, mnist)).toEqual({
      error: 'training examples must be a whole number ≥ 2, got 1',
    });
    expect(gridFromForm({ ...form, validationSize: -1 }, mnist)).toEqual({
      error: 'validation examples must be a whole number ≥ 0, got -1',
    });
    expect(gridFromForm({ ...form, testSize: 10_001 }, mnist)).toEqual({
      error: 'test examples must be a whole number from 1 to 10000, got 10001',
    });
  });

  it('bounds training examples by what validation leaves of the training file', () => {
    expect(maxTrainSize(mnist, 5000)).toBe(55_000);
    expect(
      gridFromForm({ ...form, trainSize: 55_000, validationSize: 5000 }, mnist),
    ).toHaveProperty('grid');
    expect(gridFromForm({ ...form, trainSize: 59_001, validationSize: 1000 }, mnist)).toEqual({
      error:
        'training examples must be at most 59000 (the training file less 1000 for validation), got 59001',
    });
  });
});
