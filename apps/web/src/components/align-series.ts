import type uPlot from 'uplot';

/** One line: its label and its points. */
export interface ChartSeries {
  label: string;
  xs: readonly number[];
  ys: readonly number[];
}

/**
 * uPlot wants one shared, sorted x array with a y array per series; x values
 * a series lacks become null (a gap, bridged with spanGaps).
 */
export function alignSeries(series: readonly ChartSeries[]): uPlot.AlignedData {
  const xs = [...new Set(series.flatMap((s) => s.xs))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const columns = series.map((s) => {
    const column = new Array<number | null>(xs.length).fill(null);
    s.xs.forEach((x, i) => {
      const at = index.get(x);
      if (at !== undefined) column[at] = s.ys[i] ?? null;
    });
    return column;
  });
  return [xs, ...columns];
}
