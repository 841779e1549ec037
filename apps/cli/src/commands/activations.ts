import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  ACTIVATION_NAMES,
  type ActivationInfo,
  activationCurve,
  listActivations,
  type OptionInfo,
  RRELU_DEFAULT_PRESET,
  rreluBand,
  rreluSlopeDistribution,
} from '@rrelu/activations';
import Table from 'cli-table3';
import { Command, InvalidArgumentError } from 'commander';
import picocolors from 'picocolors';
import type { TopLevelSpec } from 'vega-lite';
import { EXIT } from '../exit-codes.js';
import { renderSvg, svgToPng, writeFileAtomic } from '../report/index.js';
import { FIGURE_FONT } from '@rrelu/trainer';

/** Parsed flags of `rrelu activations`. */
export interface ActivationsFlags {
  /** Print the registry as JSON instead of a table. */
  json?: boolean;
  /** Also draw every activation to this .svg or .png file. */
  plot?: string;
}

/** Where `runActivations` writes: the table or JSON to `stdout`, notes to `stderr`. */
export interface ActivationsOutput {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

/** The plotted range of x, both ends included. */
export const PLOT_RANGE = [-4, 4] as const;
/** Samples per unit of x: 20 gives 161 points over [−4, 4], 0 among them. */
const SAMPLES_PER_UNIT = 20;
/** Facets per row of the figure. */
const FACET_COLUMNS = 4;
/** Series names and colours (Tableau 10 blue and orange). */
const SERIES = { y: 'y', dydx: 'dy/dx' } as const;
const SERIES_COLORS = ['#4c78a8', '#f58518'];

/** The `activations` command: the registry as a table or JSON, and optionally a figure. */
export function activationsCommand(): Command {
  return new Command('activations')
    .description(
      'list the registered activations with their options and defaults; ' +
        '--plot draws each one and its derivative',
    )
    .option('--json', 'print the registry as JSON instead of a table')
    .option(
      '--plot <file>',
      `draw every activation and dy/dx on [${PLOT_RANGE.join(', ')}] to an .svg or .png file`,
      plotFile,
    )
    .action(async (flags: ActivationsFlags) => {
      process.exitCode = await runActivations(flags);
    });
}

/**
 * Prints the registry (a table, or JSON with `json`) and, with `plot`, writes
 * the figure of {@link activationsFigureSpec} as SVG, or PNG when the file
 * name ends in `.png`. Returns the process exit code.
 */
export async function runActivations(
  flags: ActivationsFlags,
  output: ActivationsOutput = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const infos = listActivations();
  const color = output.stdout.isTTY === true && !('NO_COLOR' in process.env);
  output.stdout.write(
    flags.json === true
      ? `${JSON.stringify(infos, null, 2)}\n`
      : `${formatActivationsTable(infos, { color })}\n`,
  );
  if (flags.plot === undefined) return EXIT.ok;

  const file = path.resolve(flags.plot);
  const svg = await renderSvg(activationsFigureSpec(), {
    onWarning: (message) => output.stderr.write(`warning: ${message}\n`),
  });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, file.toLowerCase().endsWith('.png') ? svgToPng(svg) : svg);
  output.stderr.write(`figure: ${file}\n`);
  return EXIT.ok;
}

/**
 * The registry as a terminal table, at most 100 columns wide: name, what it
 * computes with its paper below, and its options ("name = default", with the
 * choices of a string option).
 *
 * @example
 * console.log(formatActivationsTable(listActivations(), { color: false }));
 */
export function formatActivationsTable(
  infos: readonly ActivationInfo[],
  options: { color: boolean },
): string {
  const colors = picocolors.createColors(options.color);
  const table = new Table({
    head: ['name', 'computes (paper)', 'options = default (choices)'].map((title) =>
      colors.bold(colors.cyan(title)),
    ),
    style: { head: [], border: [], compact: false }, // rules between rows: cells wrap
    wordWrap: true,
    colWidths: [10, 44, 42],
  });
  for (const info of infos) {
    const optionText = info.options.map(describeOption).join('\n');
    table.push([
      colors.bold(info.name),
      `${info.summary}\n${colors.dim(info.reference)}`,
      optionText === '' ? '—' : optionText,
    ]);
  }
  return table.toString();
}

/**
 * Vega-Lite spec of every registry activation with default options on
 * x ∈ [−4, 4]: one facet per activation in registry order, y and dy/dx as two
 * coloured lines, the derivative split at 0 where it jumps, with a dot at the
 * value the gradient takes at x = 0 there. RReLU is drawn in evaluation mode
 * (its default preset), with the outputs training can produce shaded (the
 * band between its smallest and largest slope for x < 0) and, lighter, the
 * range of its derivative.
 */
export function activationsFigureSpec(): TopLevelSpec {
  const preset = RRELU_DEFAULT_PRESET;
  const { min, max, evaluationSlope } = rreluSlopeDistribution({ preset });
  const xDomain: number[] = [...PLOT_RANGE];
  const xTicks: number[] = [-4, -2, 0, 2, 4];
  const x = {
    field: 'x',
    type: 'quantitative',
    title: 'x',
    scale: { domain: xDomain, nice: false },
    axis: { values: xTicks },
  } as const;
  const y = { type: 'quantitative', title: null, axis: { tickCount: 5 } } as const;
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: [SERIES.y, SERIES.dydx], range: SERIES_COLORS },
    legend: { orient: 'top', symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 },
  } as const;
  const only = (kind: PlotRow['kind'], series: string) => [
    { filter: `datum.kind === '${kind}' && datum.series === '${series}'` },
  ];
  const bandLayer = (series: string, opacity: number) =>
    ({
      transform: only('band', series),
      mark: { type: 'area', opacity },
      encoding: { x, y: { field: 'low', ...y }, y2: { field: 'high' }, color },
    }) as const;
  const lineLayer = (series: string) =>
    ({
      transform: only('line', series),
      mark: { type: 'line', strokeWidth: 2 },
      encoding: { x, y: { field: 'value', ...y }, color, detail: { field: 'segment' } },
    }) as const;

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Activations and their derivatives on [${PLOT_RANGE.join(', ')}], default options`,
      subtitle: [
        `rrelu: the ${preset} preset in evaluation mode (slope ${formatSlope(evaluationSlope)}); ` +
          `shaded: what training can give (slopes ${formatSlope(min)}…${formatSlope(max)}).`,
        'Dots: the gradient used at x = 0 where dy/dx jumps.',
      ],
    },
    data: { values: plotRows() },
    facet: {
      field: 'activation',
      type: 'nominal',
      sort: [...ACTIVATION_NAMES],
      title: null,
      header: { labelFontSize: 13, labelFontWeight: 'bold', labelPadding: 4 },
    },
    columns: FACET_COLUMNS,
    spec: {
      width: 210,
      height: 140,
      layer: [
        {
          mark: { type: 'rule', color: '#c8c8c8', strokeWidth: 1 },
          encoding: { y: { datum: 0, type: 'quantitative' } },
        },
        {
          mark: { type: 'rule', color: '#c8c8c8', strokeWidth: 1 },
          encoding: { x: { datum: 0, type: 'quantitative' } },
        },
        bandLayer(SERIES.y, 0.3),
        bandLayer(SERIES.dydx, 0.25),
        // dy/dx first, so y is drawn on top where the two coincide (ReLU for x < 0).
        lineLayer(SERIES.dydx),
        lineLayer(SERIES.y),
        {
          transform: [{ filter: "datum.kind === 'zero'" }],
          mark: { type: 'point', filled: true, size: 40, opacity: 1 },
          encoding: { x, y: { field: 'value', ...y }, color },
        },
      ],
    },
    resolve: { scale: { y: 'shared' } },
    config: {
      font: FIGURE_FONT,
      background: 'white',
      view: { stroke: '#bbbbbb' },
      title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555555', anchor: 'start' },
      axis: { labelFontSize: 10, titleFontSize: 11, gridColor: '#eeeeee' },
      legend: { labelFontSize: 12 },
    },
  };
}

/** One row of the figure's data. */
type PlotRow =
  | {
      kind: 'line' | 'zero';
      activation: string;
      series: string;
      segment: string;
      x: number;
      value: number;
    }
  | { kind: 'band'; activation: string; series: string; x: number; low: number; high: number };

/** Lines of every activation, dots at jumps of dy/dx, and RReLU's bands. */
function plotRows(): PlotRow[] {
  const xs = plotXs();
  const left = xs.filter((x) => x <= 0);
  const right = xs.filter((x) => x > 0);
  const rows: PlotRow[] = [];

  for (const activation of ACTIVATION_NAMES) {
    // x = 0 belongs to the left segment (the value the op uses there); the right
    // segment starts at the limit from the right, so a jump shows as a gap.
    const leftCurve = activationCurve(activation, {}, left);
    const rightCurve = activationCurve(activation, {}, [Number.MIN_VALUE, ...right]);
    const rightXs = [0, ...right];
    for (const [series, key] of [
      [SERIES.y, 'y'],
      [SERIES.dydx, 'dydx'],
    ] as const) {
      left.forEach((x, i) => {
        const value = leftCurve[key][i] as number;
        rows.push({ kind: 'line', activation, series, segment: 'left', x, value });
      });
      rightXs.forEach((x, i) => {
        const value = rightCurve[key][i] as number;
        rows.push({ kind: 'line', activation, series, segment: 'right', x, value });
      });
    }

    const atZero = leftCurve.dydx[left.length - 1] as number;
    if (Math.abs((rightCurve.dydx[0] as number) - atZero) > 1e-9) {
      rows.push({
        kind: 'zero',
        activation,
        series: SERIES.dydx,
        segment: 'zero',
        x: 0,
        value: atZero,
      });
    }
  }

  const band = rreluBand({ preset: RRELU_DEFAULT_PRESET }, left);
  left.forEach((x, i) => {
    const [low, high] = [band.low[i] as number, band.high[i] as number];
    rows.push({ kind: 'band', activation: 'rrelu', series: SERIES.y, x, low, high });
    rows.push({
      kind: 'band',
      activation: 'rrelu',
      series: SERIES.dydx,
      x,
      low: band.minSlope,
      high: band.maxSlope,
    });
  });
  return rows;
}

/** −4, −3.95, …, 4: exact multiples of 1/20, so 0 is a sample. */
function plotXs(): number[] {
  const [from, to] = PLOT_RANGE;
  const count = (to - from) * SAMPLES_PER_UNIT + 1;
  return Array.from({ length: count }, (_, i) => from + i / SAMPLES_PER_UNIT);
}

/** "alpha = 0.01" or "approximate = none (none | tanh)". */
function describeOption(option: OptionInfo): string {
  const value = typeof option.default === 'number' ? formatNumber(option.default) : option.default;
  const choices = option.choices === undefined ? '' : ` (${option.choices.join(' | ')})`;
  return `${option.name} = ${value}${choices}`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** "1/8", "1/5.5" for slopes that are reciprocals of short numbers, else the number. */
function formatSlope(value: number): string {
  const reciprocal = Number((1 / value).toPrecision(10));
  const short = Number.isInteger(reciprocal * 10) && reciprocal > 1;
  return short ? `1/${reciprocal}` : formatNumber(value);
}

/** Accepts a file name ending in .svg or .png for --plot. */
function plotFile(value: string): string {
  if (!/\.(svg|png)$/i.test(value)) {
    throw new InvalidArgumentError(`--plot must name an .svg or .png file, got "${value}"`);
  }
  return value;
}
