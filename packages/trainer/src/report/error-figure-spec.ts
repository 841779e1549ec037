import type { VegaLiteSpec } from './vega-lite-spec.js';
import { FIGURE_FONT, PANEL_TITLES } from './figure-spec.js';
import type { SummaryRow } from './summary.js';

/** One bar of the error figure, in percent. */
export interface ErrorPoint {
  panel: string;
  activation: string;
  /** 100 − mean final test accuracy. */
  error: number;
  /** Ends of the 95 % interval of the mean (equal to `error` for one seed). */
  low: number;
  high: number;
  seeds: number;
}

/**
 * Vega-Lite spec of the final test error per activation: one bar per
 * activation in each batch-norm panel, with the Student-t 95 % interval of the
 * mean over seeds as an error bar when there are several seeds.
 *
 * @example
 * const svg = await renderSvg(errorFigureSpec(summarize(rows)));
 */
export function errorFigureSpec(summary: readonly SummaryRow[]): VegaLiteSpec {
  const points = errorPoints(summary);
  if (points.length === 0) {
    throw new RangeError('errorFigureSpec needs a summary row with a finite accuracy, got none');
  }
  const multiSeed = points.some((p) => p.seeds > 1);
  const x = { field: 'activation', type: 'nominal', sort: null, title: null } as const;
  const y = { field: 'error', type: 'quantitative', title: 'final test error (%)' } as const;

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'MNIST final test error',
      subtitle: multiSeed ? 'bar: mean over seeds; whisker: 95 % interval of the mean' : 'one seed',
    },
    config: { font: FIGURE_FONT },
    data: { values: points },
    facet: {
      column: {
        field: 'panel',
        type: 'nominal',
        title: null,
        sort: [PANEL_TITLES.off, PANEL_TITLES.on],
      },
    },
    spec: {
      width: 300,
      height: 220,
      layer: [
        { mark: { type: 'bar', color: '#4c78a8' }, encoding: { x, y } },
        ...(multiSeed
          ? [
              {
                mark: { type: 'rule' as const, color: 'black' },
                encoding: {
                  x,
                  y: { field: 'low', type: 'quantitative' as const },
                  y2: { field: 'high' },
                },
              },
            ]
          : []),
      ],
    },
  };
}

/** Bars of {@link errorFigureSpec} from summary rows with a finite mean accuracy. */
export function errorPoints(summary: readonly SummaryRow[]): ErrorPoint[] {
  return summary
    .filter((row) => Number.isFinite(row.finalTestAccuracy.mean))
    .map((row) => {
      const error = 100 * (1 - row.finalTestAccuracy.mean);
      const half = 100 * (row.finalTestAccuracy.ci95 ?? 0);
      return {
        panel: row.batchNorm ? PANEL_TITLES.on : PANEL_TITLES.off,
        activation: row.activation,
        error,
        low: error - (Number.isFinite(half) ? half : 0),
        high: error + (Number.isFinite(half) ? half : 0),
        seeds: row.seeds,
      };
    });
}
