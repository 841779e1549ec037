import type { VegaLiteSpec } from './vega-lite-spec.js';

import type { EpochRow } from './rows.js';
import { describeSample } from './sample-stats.js';

/** Width of one panel in pixels. */
export const PANEL_WIDTH = 360;
/** Height of one panel in pixels. */
export const PANEL_HEIGHT = 260;
/** Font of every text in the figure; svgToPng loads DejaVu Sans under this name. */
export const FIGURE_FONT = 'DejaVu Sans';
/** Panel titles by batch-norm setting. */
export const PANEL_TITLES = {
  off: 'without batch norm',
  on: 'with batch norm',
} as const;
/** Title used when the caller gives none. */
export const DEFAULT_FIGURE_TITLE = 'MNIST test accuracy per epoch';

/** Options of {@link accuracyFigureSpec}. */
export interface AccuracyFigureOptions {
  /** Figure title; default {@link DEFAULT_FIGURE_TITLE}. */
  title?: string;
}

/**
 * One point of the figure's data: test accuracy of one activation at one
 * epoch in one panel, aggregated over seeds, in percent.
 */
export interface AccuracyPoint {
  /** Panel title, one of {@link PANEL_TITLES}. */
  panel: string;
  activation: string;
  epoch: number;
  /** Mean test accuracy over seeds, in percent. */
  mean: number;
  /** Lower end of the 95 % interval of the mean (the mean itself for one seed), in percent. */
  low: number;
  /** Upper end of the 95 % interval of the mean, in percent. */
  high: number;
  /** Seeds with a finite test accuracy at this epoch. */
  seeds: number;
}

/**
 * Vega-Lite spec of test accuracy against epoch: one panel per batch-norm
 * setting present ("without batch norm", "with batch norm", side by side,
 * sharing the y scale), one coloured line with point markers per activation
 * (the mean over seeds), and, when some setting has several seeds, a shaded
 * band for the 95 % interval of the mean (Student's t over seeds). The y scale does not include zero
 * so that small differences stay visible. Every text uses {@link FIGURE_FONT}.
 *
 * @param rows Epoch rows of any number of runs.
 * @param options Optional title.
 * @throws RangeError when no row has a finite test accuracy.
 * @returns A self-contained spec with inline data; render it with `renderSvg`.
 * @example
 * const svg = await renderSvg(accuracyFigureSpec(rows, { title: 'MNIST, 10 epochs' }));
 */
export function accuracyFigureSpec(
  rows: readonly EpochRow[],
  options: AccuracyFigureOptions = {},
): VegaLiteSpec {
  const points = accuracyPoints(rows);
  if (points.length === 0) {
    throw new RangeError(
      `accuracyFigureSpec needs rows with a finite test accuracy, got ${rows.length} rows`,
    );
  }

  const activations = [...new Set(rows.map((row) => row.activation))];
  const panels = [PANEL_TITLES.off, PANEL_TITLES.on].filter((title) =>
    points.some((point) => point.panel === title),
  );
  const maxSeeds = Math.max(0, ...points.map((point) => point.seeds));
  const epochs = points.map((point) => point.epoch);
  const firstEpoch = Math.min(...epochs);
  const lastEpoch = Math.max(...epochs);

  const x = {
    field: 'epoch',
    type: 'quantitative',
    title: 'epoch',
    scale: { domain: lastEpoch > firstEpoch ? [firstEpoch, lastEpoch] : [0, lastEpoch + 1] },
    axis: { tickMinStep: 1, format: 'd' },
  } as const;
  const color = {
    field: 'activation',
    type: 'nominal',
    title: 'activation',
    scale: { domain: activations, scheme: 'tableau10' },
    // The band layer is translucent; keep the legend symbols solid.
    legend: { symbolOpacity: 1 },
  } as const;
  const yAxis = { title: 'test accuracy (%)', scale: { zero: false } } as const;

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: options.title ?? DEFAULT_FIGURE_TITLE,
      subtitle:
        maxSeeds > 1
          ? `line: mean over ${maxSeeds} seeds; band: 95 % interval of the mean (Student's t)`
          : 'one seed per line',
    },
    data: { values: points },
    facet: {
      column: {
        field: 'panel',
        type: 'nominal',
        sort: panels,
        title: null,
        header: { labelFontSize: 13, labelFontWeight: 'bold', labelPadding: 6 },
      },
    },
    spec: {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      layer: [
        ...(maxSeeds > 1
          ? [
              {
                mark: { type: 'area', opacity: 0.14 },
                encoding: {
                  x,
                  y: { field: 'low', type: 'quantitative', ...yAxis },
                  y2: { field: 'high' },
                  color,
                },
              } as const,
            ]
          : []),
        {
          mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' },
          encoding: {
            x,
            y: { field: 'mean', type: 'quantitative', ...yAxis },
            color,
          },
        },
        {
          mark: { type: 'point', filled: true, size: 36, opacity: 1 },
          encoding: {
            x,
            y: { field: 'mean', type: 'quantitative', ...yAxis },
            color,
            shape: {
              field: 'activation',
              type: 'nominal',
              title: 'activation',
              scale: { domain: activations },
            },
          },
        },
      ],
    },
    config: {
      font: FIGURE_FONT,
      background: 'white',
      view: { stroke: '#bbbbbb' },
      title: { fontSize: 15, subtitleFontSize: 12, subtitleColor: '#555555', anchor: 'start' },
      axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e6e6e6' },
      legend: { labelFontSize: 12, titleFontSize: 12, symbolSize: 80, symbolStrokeWidth: 2 },
      range: { category: { scheme: 'tableau10' } },
    },
  };
}

/**
 * Aggregates rows into figure points: per panel, activation and epoch, the
 * mean test accuracy over seeds with a finite value and its 95 % interval.
 *
 * @param rows Epoch rows; a repeated (setting, seed, epoch) counts once, the last wins.
 * @returns Points ordered by panel, activation appearance and epoch.
 */
export function accuracyPoints(rows: readonly EpochRow[]): AccuracyPoint[] {
  const activationOrder = [...new Set(rows.map((row) => row.activation))];
  const bySeries = new Map<string, Map<number, Map<number, number>>>();

  for (const row of rows) {
    const key = JSON.stringify([row.batchNorm, row.activation]);
    const epochs = bySeries.get(key) ?? new Map<number, Map<number, number>>();
    const seeds = epochs.get(row.epoch) ?? new Map<number, number>();
    seeds.set(row.seed, row.testAccuracy);
    epochs.set(row.epoch, seeds);
    bySeries.set(key, epochs);
  }

  const points: AccuracyPoint[] = [];
  for (const batchNorm of [false, true]) {
    for (const activation of activationOrder) {
      const epochs = bySeries.get(JSON.stringify([batchNorm, activation]));
      if (epochs === undefined) continue;

      for (const epoch of [...epochs.keys()].sort((a, b) => a - b)) {
        const values = [...(epochs.get(epoch)?.values() ?? [])]
          .filter(Number.isFinite)
          .map((fraction) => fraction * 100);
        if (values.length === 0) continue;

        const { mean, ci95 } = describeSample(values);
        const halfWidth = ci95 ?? 0; // one seed: no interval, the band collapses onto the line
        points.push({
          panel: batchNorm ? PANEL_TITLES.on : PANEL_TITLES.off,
          activation,
          epoch,
          mean,
          low: mean - halfWidth,
          high: mean + halfWidth,
          seeds: values.length,
        });
      }
    }
  }
  return points;
}
