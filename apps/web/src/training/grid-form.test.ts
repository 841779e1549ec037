import { describe, expect, it } from 'vitest';
import { gridFromForm } from './grid-form.js';

const form = {
  activations: ['relu', 'rrelu-torch'],
  batchNorm: [false, true],
  seedsText: '1, 2',
  epochs: 1,
  trainSize: 600,
};

describe('gridFromForm', () => {
  it('maps RReLU conventions to labelled rows with their preset', () => {
    const result = gridFromForm(form);
    if (!('grid' in result)) throw new Error(result.error);
    expect(result.grid.activations).toEqual([
      { activation: 'relu' },
      { activation: 'rrelu', options: { preset: 'torch' }, label: 'rrelu-torch' },
    ]);
    expect(result.grid.seeds).toEqual([1, 2]);
    expect(result.grid.base).toEqual({ epochs: 1 });
  });

  it('names the field to fix', () => {
    expect(gridFromForm({ ...form, seedsText: '1, x' })).toEqual({
      error: 'seeds must be whole numbers ≥ 0 separated by commas, got "1, x"',
    });
    expect(gridFromForm({ ...form, trainSize: 60_000 })).toHaveProperty('error');
  });
});
