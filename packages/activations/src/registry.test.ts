import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, createActivation, listActivations } from './registry.js';

describe('activation registry', () => {
  it("holds the comparison's six activations by name", () => {
    expect(ACTIVATION_NAMES).toEqual(['relu', 'lrelu', 'vlrelu', 'prelu', 'rrelu', 'elu']);
    expect(createActivation('lrelu').config).toEqual({ alpha: 0.01 });
    expect(createActivation('vlrelu').config).toEqual({ alpha: 1 / 5.5 });
    expect(createActivation('rrelu').config).toMatchObject({ form: 'divide', lower: 3, upper: 8 });
  });

  it('names the valid activations and options when given unknown ones', () => {
    expect(() => createActivation('swishy')).toThrow(
      /unknown activation "swishy"; expected one of relu, lrelu, vlrelu, prelu, rrelu, elu/,
    );
    expect(() => createActivation('elu', { beta: 1 })).toThrow(
      /elu: unknown option "beta"; its options are alpha/,
    );
    expect(() => createActivation('relu', { alpha: 1 })).toThrow(/its options are none/);
  });

  it('describes every option with its default', () => {
    const rrelu = listActivations().find((info) => info.name === 'rrelu');
    expect(rrelu?.options.map((o) => `${o.name}=${o.default}`)).toEqual([
      'preset=paper',
      'form=divide',
      'lower=3',
      'upper=8',
      'noise=element',
      'evaluation=midpoint',
    ]);
  });
});
