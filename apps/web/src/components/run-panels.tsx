import { formatDuration, formatPercent } from '../format/duration.js';
import { queueEtaSeconds, type RunView } from '../training/run-view.js';
import { LineChart } from './line-chart.js';

/** A run's row label: activation, +BN when on, seed. */
export function runName(run: RunView): string {
  return `${run.config.label} ${run.config.batchNorm ? '+BN' : ''} s${run.config.seed}`.replace(
    '  ',
    ' ',
  );
}

/** Progress bar, status, step and ETA of every run, and of the queue. */
export function Progress(props: { runs: RunView[]; paused: boolean }) {
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
          <li key={run.id} data-testid="run-progress" data-status={run.status} data-step={run.step}>
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

/** Live training loss per step and test accuracy per epoch of every run. */
export function Charts(props: { runs: RunView[] }) {
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

/** The last finished epoch of every run; cells carry the unrounded value in `data-value`. */
export function ResultsTable(props: { runs: RunView[] }) {
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
                <td data-testid="train-loss" data-value={last?.trainLoss}>
                  {last === undefined ? '—' : last.trainLoss.toFixed(4)}
                </td>
                <td>{formatPercent(last?.trainAccuracy ?? Number.NaN)}</td>
                <td data-testid="validation-accuracy" data-value={last?.validationAccuracy}>
                  {formatPercent(last?.validationAccuracy ?? Number.NaN)}
                </td>
                <td data-testid="test-accuracy" data-value={last?.testAccuracy}>
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
