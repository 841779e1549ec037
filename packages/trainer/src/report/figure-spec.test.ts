import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';

import {
  accuracyFigureSpec,
  accuracyPoints,
  FIGURE_FONT,
  PANEL_TITLES,
  PANEL_WIDTH,
} from './figure-spec.js';
import type { VegaLiteSpec } from './vega-lite-spec.js';
import type { EpochRow } from './rows.js';

const ACTIVATIONS = ['relu', 'lrelu', 'vlrelu', 'prelu', 'rrelu', 'elu'];

/** Rows of a full grid with made-up accuracies that rise with the epoch. */
function grid(activations: string[], batchNorms: boolean[], seeds: number[], epochs: number) {
  const rows: EpochRow[] = [];
  activations.forEach((activation, a) => {
    for (const batchNorm of batchNorms) {
      for (const seed of seeds) {
        for (let epoch = 1; epoch <= epochs; epoch++) {
          const testAccuracy = 0.9 + epoch * 0.005 + a * 0.001 + seed * 0.0001;
          rows.push({
            activation,
            batchNorm,
            seed,
            epoch,
            trainLoss: 1 / epoch,
            trainAccuracy: testAccuracy,
            validationAccuracy: testAccuracy,
            testAccuracy,
            seconds: 1,
          });
        }
      }
    }
  });
  return rows;
}

/** Follows a path of keys and indices through parsed JSON. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The compiled Vega spec as plain JSON, for inspection. */
function compiled(rows: EpochRow[]): unknown {
  return plain(compile(asTopLevel(accuracyFigureSpec(rows))).spec);
}

/** The specs are plain JSON; Vega-Lite's compiler checks them. */
function asTopLevel(spec: VegaLiteSpec | TopLevelSpec): TopLevelSpec {
  return spec as TopLevelSpec;
}

/** A JSON round trip of a value, typed as unknown for inspection with {@link at}. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** Inline data points of the compiled spec. */
function compiledPoints(vega: unknown): { panel: string; activation: string }[] {
  const data = at(vega, 'data');
  if (!Array.isArray(data)) throw new Error('compiled spec has no data');
  const source = data.find((entry) => at(entry, 'name') === 'source_0');
  const values = at(source, 'values');
  if (!Array.isArray(values)) throw new Error('compiled spec has no inline values');
  return values.map((value) => ({
    panel: String(at(value, 'panel')),
    activation: String(at(value, 'activation')),
  }));
}

/** Every mark of the compiled spec, depth first. */
function allMarks(node: unknown): unknown[] {
  const marks = at(node, 'marks');
  if (!Array.isArray(marks)) return [];
  return marks.flatMap((mark) => [mark, ...allMarks(mark)]);
}

describe('accuracyPoints', () => {
  it('aggregates seeds into the mean and its 95 % interval, in percent', () => {
    // Seeds at 97, 98, 99 %: mean 98, sample std 1, and with t(0.975, 2) = 4.302653
    // (Student's t table) the half-width is 4.302653/√3 = 2.484138.
    const rows = grid(['relu'], [false], [1, 2, 3], 1).map((row, index) => ({
      ...row,
      testAccuracy: [0.97, 0.98, 0.99][index] ?? 0,
    }));

    const [point] = accuracyPoints(rows);

    expect(point?.panel).toBe(PANEL_TITLES.off);
    expect(point?.mean).toBeCloseTo(98, 10);
    expect(point?.low).toBeCloseTo(98 - 2.484138, 5);
    expect(point?.high).toBeCloseTo(98 + 2.484138, 5);
    expect(point?.seeds).toBe(3);
  });

  it('skips non-finite accuracies', () => {
    const rows = grid(['relu'], [true], [1, 2], 1);
    const withNaN = [{ ...rows[0]!, testAccuracy: Number.NaN }, rows[1]!];

    expect(accuracyPoints(withNaN).map((point) => point.seeds)).toEqual([1]);
    expect(accuracyPoints([withNaN[0]!])).toEqual([]);
  });
});

describe('accuracyFigureSpec', () => {
  const rows = grid(ACTIVATIONS, [false, true], [1, 2, 3], 10);

  it('has two panels with one series per activation (compiled data)', () => {
    const vega = compiled(rows);
    const points = compiledPoints(vega);

    const panels = [...new Set(points.map((point) => point.panel))];
    expect(panels).toEqual([PANEL_TITLES.off, PANEL_TITLES.on]);
    for (const panel of panels) {
      const series = new Set(points.filter((p) => p.panel === panel).map((p) => p.activation));
      expect([...series]).toEqual(ACTIVATIONS);
    }
    expect(points).toHaveLength(2 * ACTIVATIONS.length * 10);
  });

  it('facets by panel and draws one line per activation in each (compiled marks)', () => {
    const marks = allMarks(compiled(rows));

    const cell = marks.find((mark) => at(mark, 'name') === 'cell');
    expect(at(cell, 'from', 'facet', 'groupby')).toEqual(['panel']);
    const pathGroup = marks.find((mark) => {
      const children = at(mark, 'marks');
      return Array.isArray(children) && children.some((child) => at(child, 'type') === 'line');
    });
    expect(at(pathGroup, 'from', 'facet', 'groupby')).toEqual(['activation']);
  });

  it('labels axes and legend, keeps zero off the y scale and sets the font', () => {
    const spec = plain(accuracyFigureSpec(rows, { title: 'demo' }));
    const line = at(spec, 'spec', 'layer', 1, 'encoding');

    expect(at(spec, 'title', 'text')).toBe('demo');
    expect(at(spec, 'spec', 'width')).toBe(PANEL_WIDTH);
    expect(at(line, 'x', 'title')).toBe('epoch');
    expect(at(line, 'y', 'title')).toBe('test accuracy (%)');
    expect(at(line, 'y', 'scale', 'zero')).toBe(false);
    expect(at(line, 'color', 'title')).toBe('activation');
    expect(at(spec, 'config', 'font')).toBe(FIGURE_FONT);
  });

  it('draws a min-to-max band only when there are several seeds', () => {
    const several = plain(accuracyFigureSpec(rows));
    const single = plain(accuracyFigureSpec(grid(ACTIVATIONS, [true], [1], 3)));

    expect(at(several, 'spec', 'layer', 0, 'mark', 'type')).toBe('area');
    expect(at(several, 'spec', 'layer', 0, 'encoding', 'y', 'field')).toBe('low');
    expect(at(several, 'spec', 'layer', 0, 'encoding', 'y2', 'field')).toBe('high');
    expect(at(single, 'spec', 'layer', 0, 'mark', 'type')).toBe('line');
    expect(at(single, 'spec', 'layer')).toHaveLength(2);
  });

  it('has one panel when only one batch-norm setting is present', () => {
    const points = compiledPoints(compiled(grid(ACTIVATIONS, [true], [1], 3)));

    expect([...new Set(points.map((point) => point.panel))]).toEqual([PANEL_TITLES.on]);
  });

  it('rejects rows without a finite test accuracy', () => {
    expect(() => accuracyFigureSpec([])).toThrow(/finite test accuracy, got 0 rows/);
  });
});
