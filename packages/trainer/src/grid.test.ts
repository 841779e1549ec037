import { describe, expect, it } from 'vitest';
import { planGrid } from './grid.js';

const spec = {
  activations: [
    { activation: 'relu' },
    { activation: 'rrelu', options: { preset: 'blog' }, label: 'rrelu-blog' },
  ],
  batchNorm: [false, true],
  seeds: [0, 1],
  base: { epochs: 2 },
};

describe('planGrid', () => {
  it('expands activations × batch norm × seeds in a stable order with stable ids', () => {
    const cells = planGrid(spec);
    expect(cells.map((c) => c.id.replace(/-[0-9a-f]{8}$/, ''))).toEqual([
      'relu-nobn-s0',
      'relu-nobn-s1',
      'relu-bn-s0',
      'relu-bn-s1',
      'rrelu-blog-nobn-s0',
      'rrelu-blog-nobn-s1',
      'rrelu-blog-bn-s0',
      'rrelu-blog-bn-s1',
    ]);
    expect(planGrid(spec).map((c) => c.id)).toEqual(cells.map((c) => c.id));
    expect(new Set(cells.map((c) => c.id)).size).toBe(cells.length);
  });

  it('gives a new id when any setting changes', () => {
    const [a] = planGrid(spec);
    const [b] = planGrid({ ...spec, base: { epochs: 3 } });
    expect(a?.id).not.toBe(b?.id);
  });

  it('refuses a repeated label', () => {
    expect(() =>
      planGrid({ ...spec, activations: [{ activation: 'relu' }, { activation: 'relu' }] }),
    ).toThrow(/label "relu" appears twice/);
  });
});
