import type { ActivationInfo, OptionInfo } from '@rrelu/activations';
import { useEffect, useState } from 'preact/hooks';
import type { AppServices } from '../app-services.js';
import type { ChartSeries } from '../components/align-series.js';
import { LineChart } from '../components/line-chart.js';
import { type Histogram, histogram, linspace, meanOf } from '../explorer/histogram.js';
import { SlopeHistogram } from '../explorer/slope-histogram.js';
import type { SlopeFacts } from '../workers/protocol.js';

type Options = Record<string, string | number>;

/** Points per curve. */
const CURVE_POINTS = 201;
/** Slopes drawn per RReLU convention for its histogram. */
const SLOPE_DRAWS = 20_000;
const CONVENTIONS = ['paper', 'torch', 'blog'] as const;
const BAND_NOTE = ', with the band of training slopes';

/** Page 1: every registry activation and its derivative, with its options as controls. */
export function ExplorerPage(props: { services: AppServices; registry: ActivationInfo[] }) {
  const { tensors } = props.services;
  const [name, setName] = useState('rrelu');
  const [options, setOptions] = useState<Options>({});
  const [range, setRange] = useState({ from: -4, to: 4 });
  const [training, setTraining] = useState(false);
  const [curve, setCurve] = useState<{ y: number[]; dydx: number[]; facts: SlopeFacts | null }>();
  const [error, setError] = useState<string | null>(null);
  const info = props.registry.find((entry) => entry.name === name);
  const xs = linspace(range.from, range.to, CURVE_POINTS);

  useEffect(() => {
    tensors.curve(name, options, xs, training).then(
      (result) => {
        setCurve(result);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [name, JSON.stringify(options), range.from, range.to, training]);

  const series: ChartSeries[] = [];
  if (curve !== undefined) {
    series.push({ label: `${name}(x)`, xs, ys: curve.y });
    series.push({ label: `${name}′(x)`, xs, ys: curve.dydx });
    if (curve.facts !== null) {
      const { min, max } = curve.facts;
      series.push({
        label: `band: slope ${min.toPrecision(3)}`,
        xs,
        ys: xs.map((x) => (x < 0 ? min * x : x)),
      });
      series.push({
        label: `band: slope ${max.toPrecision(3)}`,
        xs,
        ys: xs.map((x) => (x < 0 ? max * x : x)),
      });
    }
  }

  return (
    <section aria-labelledby="explorer-title">
      <h2 id="explorer-title">Activation explorer</h2>
      <form class="grid-form" onSubmit={(e) => e.preventDefault()}>
        <fieldset class="numbers">
          <legend>Activation</legend>
          <label>
            Name
            <select
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setOptions({});
              }}
            >
              {props.registry.map((entry) => (
                <option key={entry.name} value={entry.name}>
                  {entry.name}
                </option>
              ))}
            </select>
          </label>
          {info?.options.map((option) => (
            <OptionControl
              key={`${name}-${option.name}`}
              option={option}
              value={options[option.name]}
              onChange={(value) => {
                const next = { ...options };
                if (value === undefined) delete next[option.name];
                else next[option.name] = value;
                setOptions(next);
              }}
            />
          ))}
          <label>
            x from
            <input
              type="number"
              step={0.5}
              value={range.from}
              onChange={(e) => setRange({ ...range, from: e.currentTarget.valueAsNumber })}
            />
          </label>
          <label>
            x to
            <input
              type="number"
              step={0.5}
              value={range.to}
              onChange={(e) => setRange({ ...range, to: e.currentTarget.valueAsNumber })}
            />
          </label>
          <label class="check">
            <input type="checkbox" checked={training} onChange={() => setTraining(!training)} />
            training mode (draws noise)
          </label>
        </fieldset>
      </form>
      {info !== undefined && <p class="note">{info.summary}</p>}
      {error !== null && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {curve !== undefined && (
        <LineChart
          title={`${name} and its derivative${curve.facts === null ? '' : BAND_NOTE}`}
          xLabel="x"
          yLabel="value"
          series={series}
          dashed={[2, 3]}
        />
      )}
      {name === 'rrelu' && <Conventions services={props.services} />}
    </section>
  );
}

function OptionControl(props: {
  option: OptionInfo;
  value: string | number | undefined;
  onChange: (value: string | number | undefined) => void;
}) {
  const { option } = props;
  if (option.choices !== undefined) {
    return (
      <label title={option.description}>
        {option.name}
        <select
          value={props.value === undefined ? '' : String(props.value)}
          onChange={(e) =>
            props.onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)
          }
        >
          <option value="">default ({String(option.default)})</option>
          {option.choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <label title={option.description}>
      {option.name}
      <input
        type="number"
        step="any"
        placeholder={`default ${Number(option.default).toPrecision(4)}`}
        value={props.value === undefined ? '' : String(props.value)}
        onChange={(e) => {
          const number = e.currentTarget.valueAsNumber;
          props.onChange(Number.isFinite(number) ? number : undefined);
        }}
      />
    </label>
  );
}

interface Convention {
  preset: string;
  histogram: Histogram;
  drawnMean: number;
  facts: SlopeFacts;
}

/** The three RReLU conventions side by side: drawn slopes, mean and evaluation slope. */
function Conventions(props: { services: AppServices }) {
  const [conventions, setConventions] = useState<Convention[]>([]);

  useEffect(() => {
    Promise.all(
      CONVENTIONS.map(async (preset) => {
        const { slopes, facts } = await props.services.tensors.slopes(
          'rrelu',
          { preset },
          SLOPE_DRAWS,
        );
        if (facts === null) throw new Error('rrelu reported no slope facts');
        return {
          preset,
          histogram: histogram(slopes, facts.min, facts.max, 40),
          drawnMean: meanOf(slopes),
          facts,
        };
      }),
    ).then(setConventions, () => setConventions([]));
  }, []);

  return (
    <div>
      <h3>RReLU: three conventions, {SLOPE_DRAWS.toLocaleString('en')} slopes drawn by each</h3>
      <p class="note">
        Red: mean of the drawn slopes; green dashes: the slope evaluation mode uses.
      </p>
      <div class="conventions">
        {conventions.map((c) => (
          <figure key={c.preset} class="card" data-testid="convention">
            <figcaption>
              <strong>{c.preset}</strong>: slope in [{c.facts.min.toPrecision(4)},{' '}
              {c.facts.max.toPrecision(4)}]
            </figcaption>
            <SlopeHistogram
              histogram={c.histogram}
              mean={c.drawnMean}
              evaluationSlope={c.facts.evaluationSlope}
              label={`histogram of ${c.preset} slopes`}
            />
            <dl>
              <dt>mean slope (drawn)</dt>
              <dd>{c.drawnMean.toFixed(6)}</dd>
              <dt>mean slope (exact)</dt>
              <dd>{c.facts.mean.toFixed(6)}</dd>
              <dt>evaluation slope</dt>
              <dd>{c.facts.evaluationSlope.toFixed(6)}</dd>
            </dl>
          </figure>
        ))}
      </div>
    </div>
  );
}
