import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { alignSeries, type ChartSeries } from './align-series.js';

/** Colours of successive series (Tableau 10, as the CLI figure uses). */
export const SERIES_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/** Props of {@link LineChart}. */
export interface LineChartProps {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  height?: number;
  /** Draw points as well as lines (useful for few x values). */
  points?: boolean;
  /** Dashed series by index. */
  dashed?: readonly number[];
}

/**
 * A uPlot line chart that follows its container's width. The plot is
 * rebuilt when the set of series changes and only fed new data otherwise,
 * at most once per animation frame.
 */
export function LineChart(props: LineChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = props.series.map((s) => s.label).join('\u0000');
  const frame = useRef(0);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const width = Math.max(element.clientWidth, 240);
    const options: uPlot.Options = {
      title: props.title,
      width,
      height: props.height ?? 260,
      scales: { x: { time: false } },
      axes: [{ label: props.xLabel }, { label: props.yLabel }],
      series: [
        { label: props.xLabel },
        ...props.series.map((s, i) => ({
          label: s.label,
          stroke: SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '#333',
          width: 2,
          spanGaps: true,
          dash: props.dashed?.includes(i) === true ? [6, 4] : undefined,
          points: { show: props.points === true },
        })),
      ],
    };
    const created = new uPlot(options, alignSeries(props.series), element);
    plot.current = created;
    const observer = new ResizeObserver(() => {
      created.setSize({ width: Math.max(element.clientWidth, 240), height: props.height ?? 260 });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      created.destroy();
      plot.current = null;
    };
  }, [shape, props.title]);

  useEffect(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => plot.current?.setData(alignSeries(props.series)));
  });

  return <div class="chart" ref={container} role="img" aria-label={props.title} />;
}
