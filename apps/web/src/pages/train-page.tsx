import type { ActivationInfo } from '@rrelu/activations';
import { useState } from 'preact/hooks';
import type { AppServices } from '../app-services.js';
import { BackendBadge } from '../components/backend-badge.js';
import { FailureBanner } from '../components/failure-banner.js';
import { LineChart } from '../components/line-chart.js';
import { formatDuration, formatPercent } from '../format/duration.js';
import {
  type GridForm,
  gridFromForm,
  MAX_TRAIN_SIZE,
  RRELU_PRESET_CHOICES,
} from '../training/grid-form.js';
import { queueEtaSeconds, type RunView } from '../training/run-view.js';
import type { DataState } from '../training/training-session.js';

const INITIAL_FORM: GridForm = {
  activations: ['relu', 'rrelu-paper'],
  batchNorm: [false],
  seedsText: '1',
  epochs: 1,
  trainSize: 5000,
};

/** Page 2: choose a grid, train it live in the worker, watch charts and the table. */
export function TrainPage(props: { services: AppServices; registry: ActivationInfo[] }) {
  const { session } = props.services;
  const [form, setForm] = useState<GridForm>(INITIAL_FORM);
  const [formError, setFormError] = useState<string | null>(null);
  const runs = session.runs.value;
  const busy = session.busy.value;
  const failure = session.failure.value;
  const ready = session.data.value.phase === 'ready';

  const activationKeys = props.registry.flatMap((info) =>
    info.name === 'rrelu' ? RRELU_PRESET_CHOICES.map((p) => `rrelu-${p}`) : [info.name],
  );
  const toggle = <T,>(list: T[], item: T): T[] =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

  const start = (event: Event): void => {
    event.preventDefault();
    const planned = gridFromForm(form);
    if ('error' in planned) {
      setFormError(planned.error);
      return;
    }
    setFormError(null);
    session.start(planned.grid, form.trainSize);
  };

  return (
    <section aria-labelledby="train-title">
      <h2 id="train-title">Train</h2>
      <p class="status">
        <BackendBadge backend={session.backend.value} failed={failure?.stage === 'wasm'} />{' '}
        <DataStatus data={session.data.value} />
      </p>
      {failure !== null && (
        <FailureBanner
          title={
            failure.stage === 'wasm'
              ? 'The wasm backend failed to load'
              : failure.stage === 'data'
                ? 'The MNIST files failed to load'
                : 'Training failed'
          }
          message={failure.message}
          url={failure.url}
        />
      )}

      <form class="grid-form" onSubmit={start} noValidate>
        <fieldset>
          <legend>Activations</legend>
          {activationKeys.map((key) => (
            <label key={key} class="check">
              <input
                type="checkbox"
                name="activation"
                value={key}
                checked={form.activations.includes(key)}
                onChange={() => setForm({ ...form, activations: toggle(form.activations, key) })}
              />
              {key}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Batch norm</legend>
          {[false, true].map((on) => (
            <label key={String(on)} class="check">
              <input
                type="checkbox"
                name="batchNorm"
                checked={form.batchNorm.includes(on)}
                onChange={() => setForm({ ...form, batchNorm: toggle(form.batchNorm, on) })}
              />
              {on ? 'on' : 'off'}
            </label>
          ))}
        </fieldset>
        <fieldset class="numbers">
          <legend>Runs</legend>
          <label>
            Seeds
            <input
              name="seeds"
              value={form.seedsText}
              onInput={(e) => setForm({ ...form, seedsText: e.currentTarget.value })}
            />
          </label>
          <label>
            Epochs
            <input
              name="epochs"
              type="number"
              min={1}
              max={50}
              value={form.epochs}
              onInput={(e) => setForm({ ...form, epochs: e.currentTarget.valueAsNumber })}
            />
          </label>
          <label>
            Training examples
            <input
              name="trainSize"
              type="number"
              min={2}
              max={MAX_TRAIN_SIZE}
              step={1}
              value={form.trainSize}
              onInput={(e) => setForm({ ...form, trainSize: e.currentTarget.valueAsNumber })}
            />
          </label>
        </fieldset>
        {formError !== null && (
          <p class="form-error" role="alert">
            {formError}
          </p>
        )}
        <div class="buttons">
          <button type="submit" disabled={busy || !ready}>
            Start
          </button>
          <button
            type="button"
            disabled={!busy || !session.canPause}
            title={session.canPause ? undefined : 'pause needs cross-origin isolation'}
            onClick={() => session.setPaused(!session.paused.value)}
          >
            {session.paused.value ? 'Resume' : 'Pause'}
          </button>
          <button type="button" disabled={!busy} onClick={() => session.cancel()}>
            Cancel
          </button>
        </div>
      </form>

      {runs.length > 0 && <Progress runs={runs} paused={session.paused.value} />}
      {runs.length > 0 && <Charts runs={runs} />}
      {runs.length > 0 && <ResultsTable runs={runs} />}
    </section>
  );
}

function DataStatus(props: { data: DataState }) {
  const { data } = props;
  if (data.phase === 'ready') {
    return (
      <span class="badge" data-testid="data-status">
        MNIST loaded: {data.train.toLocaleString('en')} train,{' '}
        {data.validation.toLocaleString('en')} validation, {data.test.toLocaleString('en')} test
      </span>
    );
  }
  if (data.phase === 'failed') return <span class="badge bad">MNIST not loaded</span>;
  const files = Object.values(data.files);
  const loaded = files.reduce((sum, f) => sum + f.loaded, 0);
  const total = files.reduce((sum, f) => sum + (f.total ?? 0), 0);
  return (
    <span class="badge" data-testid="data-status">
      loading MNIST… {(loaded / 1e6).toFixed(1)} / {total > 0 ? (total / 1e6).toFixed(1) : '?'} MB
      <progress max={total || 1} value={loaded} aria-label="MNIST download" />
    </span>
  );
}

export function runName(run: RunView): string {
  return `${run.config.label} ${run.config.batchNorm ? '+BN' : ''} s${run.config.seed}`.replace(
    '  ',
    ' ',
  );
}

function Progress(props: { runs: RunView[]; paused: boolean }) {
  const eta = queueEtaSeconds(props.runs);
  return (
    <div class="progress-list" aria-live="polite">
      <h3>
        Progress {props.paused ? '(paused)' : ''} —{' '}
        {props.runs.some((run) => run.status === 'running' || run.status === 'queued')
          ? `all runs: about ${formatDuration(eta)} left`
          : 'finished'}
      </h3>
      <ul>
        {props.runs.map((run) => (
          <li key={run.id} data-testid="run-progress" data-status={run.status}>
            <span class="run-name">{runName(run)}</span>
            <progress
              max={run.totalSteps || 1}
              value={run.step}
              aria-label={`${runName(run)} progress`}
            />
            <span class="run-meta">
              {run.status} · step {run.step}/{run.totalSteps || '?'} ·{' '}
              {Number.isFinite(run.examplesPerSecond)
                ? `${Math.round(run.examplesPerSecond)} ex/s`
                : '—'}{' '}
              · ETA {run.status === 'running' ? formatDuration(run.etaSeconds) : '—'}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Charts(props: { runs: RunView[] }) {
  const loss = props.runs.map((run) => ({
    label: runName(run),
    xs: run.losses.map((p) => p.step),
    ys: run.losses.map((p) => p.loss),
  }));
  const accuracy = props.runs.map((run) => ({
    label: runName(run),
    xs: run.epochs.map((m) => m.epoch),
    ys: run.epochs.map((m) => m.testAccuracy * 100),
  }));
  return (
    <div class="charts" data-testid="charts">
      <LineChart
        title="Training loss (running mean of the epoch)"
        xLabel="step"
        yLabel="loss"
        series={loss}
      />
      <LineChart
        title="Test accuracy per epoch"
        xLabel="epoch"
        yLabel="accuracy (%)"
        series={accuracy}
        points
      />
    </div>
  );
}

function ResultsTable(props: { runs: RunView[] }) {
  return (
    <div class="table-wrap">
      <table data-testid="results-table">
        <caption>Results of this session (last finished epoch)</caption>
        <thead>
          <tr>
            <th scope="col">run</th>
            <th scope="col">status</th>
            <th scope="col">epoch</th>
            <th scope="col">train loss</th>
            <th scope="col">train acc.</th>
            <th scope="col">val. acc.</th>
            <th scope="col">test acc.</th>
            <th scope="col">s / epoch</th>
          </tr>
        </thead>
        <tbody>
          {props.runs.map((run) => {
            const last = run.epochs.at(-1);
            return (
              <tr key={run.id} data-testid="result-row">
                <th scope="row">{runName(run)}</th>
                <td>{run.status}</td>
                <td>{last?.epoch ?? '—'}</td>
                <td>{last === undefined ? '—' : last.trainLoss.toFixed(4)}</td>
                <td>{formatPercent(last?.trainAccuracy ?? Number.NaN)}</td>
                <td>{formatPercent(last?.validationAccuracy ?? Number.NaN)}</td>
                <td data-testid="test-accuracy">
                  {formatPercent(last?.testAccuracy ?? Number.NaN)}
                </td>
                <td>{last === undefined ? '—' : last.seconds.toFixed(1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
