import type { Histogram } from './histogram.js';

/** An SVG bar chart of a slope histogram with markers for mean and evaluation slope. */
export function SlopeHistogram(props: {
  histogram: Histogram;
  mean: number;
  evaluationSlope: number;
  label: string;
}) {
  const { edges, counts } = props.histogram;
  const width = 300;
  const height = 140;
  const pad = 24;
  const first = edges[0] ?? 0;
  const last = edges.at(-1) ?? 1;
  const span = last - first || 1;
  const x = (v: number): number => pad + ((v - first) / span) * (width - 2 * pad);
  const top = Math.max(1, ...counts);
  const y = (c: number): number => height - pad - (c / top) * (height - 2 * pad);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} class="histogram" role="img" aria-label={props.label}>
      {counts.map((c, i) => (
        <rect
          key={i}
          x={x(edges[i] ?? 0)}
          y={y(c)}
          width={Math.max(0.5, x(edges[i + 1] ?? 0) - x(edges[i] ?? 0) - 0.5)}
          height={height - pad - y(c)}
          fill="#4e79a7"
        />
      ))}
      <line
        x1={x(props.mean)}
        x2={x(props.mean)}
        y1={pad / 2}
        y2={height - pad}
        stroke="#e15759"
        stroke-width={2}
      />
      <line
        x1={x(props.evaluationSlope)}
        x2={x(props.evaluationSlope)}
        y1={pad / 2}
        y2={height - pad}
        stroke="#59a14f"
        stroke-width={2}
        stroke-dasharray="4 3"
      />
      <text x={pad} y={height - 6} font-size={10}>
        {first.toPrecision(3)}
      </text>
      <text x={width - pad} y={height - 6} font-size={10} text-anchor="end">
        {last.toPrecision(3)}
      </text>
    </svg>
  );
}
