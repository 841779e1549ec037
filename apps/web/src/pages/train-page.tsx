import type { ActivationInfo } from '@rrelu/activations';
import { DEFAULT_VALIDATION_SIZE } from '@rrelu/data-mnist';
import { useState } from 'preact/hooks';
import type { AppServices } from '../app-services.js';
import { BackendBadge } from '../components/backend-badge.js';
import { FailureBanner } from '../components/failure-banner.js';
import { Charts, Progress, ResultsTable } from '../components/run-panels.js';
import {
  type FileSizes,
  type GridForm,
  gridFromForm,
  maxTrainSize,
  RRELU_PRESET_CHOICES,
} from '../training/grid-form.js';
import type { DataState } from '../training/training-session.js';

/** MNIST's files, for the form's bounds until the data set has loaded. */
const MNIST_FILE_SIZES: FileSizes = { trainFile: 60_000, test: 10_000 };

const INITIAL_FORM: GridForm = {
  activations: ['relu', 'rrelu-paper'],
  batchNorm: [false],
  seedsText: '1',
  epochs: 1,
  trainSize: 5000,
  validationSize: DEFAULT_VALIDATION_SIZE,
  testSize: MNIST_FILE_SIZES.test,
};

/** Page 2: choose a grid, train it live in the worker, watch charts and the table. */
export function TrainPage(props: { services: AppServices; registry: ActivationInfo[] }) {
  const { session } = props.services;
  const [form, setForm] = useState<GridForm>(INITIAL_FORM);
  const [formError, setFormError] = useState<string | null>(null);
  const runs = session.runs.value;
  const busy = session.busy.value;
  const failure = session.failure.value;
  const data = session.data.value;
  const ready = data.phase === 'ready';
  const files = data.phase === 'ready' ? data : MNIST_FILE_SIZES;

  const activationKeys = props.registry.flatMap((info) =>
    info.name === 'rrelu' ? RRELU_PRESET_CHOICES.map((p) => `rrelu-${p}`) : [info.name],
  );
  const toggle = <T,>(list: T[], item: T): T[] =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

  const start = (event: Event): void => {
    event.preventDefault();
    const planned = gridFromForm(form, files);
    if ('error' in planned) {
      setFormError(planned.error);
      return;
    }
    setFormError(null);
    session.start(planned.grid, planned.split);
  };

  return (
    <section aria-labelledby="train-title">
      <h2 id="train-title">Train</h2>
      <p class="status">
        <BackendBadge backend={session.backend.value} failed={failure?.stage === 'wasm'} />{' '}
        <DataStatus data={data} />
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
        </fieldset>
        <fieldset class="numbers">
          <legend>Data (the first examples of each file)</legend>
          <label>
            Validation examples
            <input
              name="validationSize"
              type="number"
              min={0}
              max={files.trainFile - 2}
              step={1}
              value={form.validationSize}
              onInput={(e) => setForm({ ...form, validationSize: e.currentTarget.valueAsNumber })}
            />
          </label>
          <label>
            Training examples
            <input
              name="trainSize"
              type="number"
              min={2}
              max={maxTrainSize(files, form.validationSize)}
              step={1}
              value={form.trainSize}
              onInput={(e) => setForm({ ...form, trainSize: e.currentTarget.valueAsNumber })}
            />
          </label>
          <label>
            Test examples
            <input
              name="testSize"
              type="number"
              min={1}
              max={files.test}
              step={1}
              value={form.testSize}
              onInput={(e) => setForm({ ...form, testSize: e.currentTarget.valueAsNumber })}
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
        MNIST loaded: {data.trainFile.toLocaleString('en')} training and{' '}
        {data.test.toLocaleString('en')} test images
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
