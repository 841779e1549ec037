import type { EpochRow } from '@rrelu/trainer/report';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppServices } from '../app-services.js';
import { formatPercent } from '../format/duration.js';
import { epochRowsOf, toCsv, toSummaryJson } from '../results/export-results.js';
import { MAX_SUMMARY_BYTES, rowsFromSummaryFile } from '../results/summary-file.js';
import { drawAccuracyFigure } from '../results/vega-figure.js';

/** Page 4: runs kept in IndexedDB, exports in the CLI's formats, the CLI's figure. */
export function ResultsPage(props: { services: AppServices }) {
  const { storedRuns, store, session } = props.services;
  const runs = storedRuns.value;
  const rows = runs.flatMap((run) => epochRowsOf(run.result));
  const [opened, setOpened] = useState<{ name: string; rows: EpochRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const figure = useRef<HTMLDivElement>(null);
  const shown = opened?.rows ?? rows;

  useEffect(() => {
    const element = figure.current;
    if (element === null) return;
    element.replaceChildren();
    if (shown.length === 0) return;
    const title = opened === null ? 'MNIST test accuracy per epoch (this browser)' : opened.name;
    drawAccuracyFigure(element, shown, title).then(
      () => setError(null),
      (e: unknown) => setError(`figure: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, [shown.length, opened?.name]);

  const download = (name: string, text: string, type: string): void => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const exportJson = (): void => {
    const backend = session.backend.value;
    const meta = {
      source: 'web' as const,
      exportedAt: new Date().toISOString(),
      runs: runs.map((run) => ({
        id: run.id,
        label: run.result.config.label,
        trainSize: run.trainSize,
        seeds: run.result.seeds,
      })),
      backend:
        backend === null
          ? null
          : { simd: backend.simd, threads: backend.threads, file: backend.file },
    };
    download('summary.json', toSummaryJson(rows, meta), 'application/json');
  };

  const open = async (file: File | undefined): Promise<void> => {
    if (file === undefined) return;
    try {
      setOpened({ name: file.name, rows: await rowsFromSummaryFile(file) });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">Results</h2>
      <p>
        {runs.length} run{runs.length === 1 ? '' : 's'} kept in this browser (IndexedDB). Exports
        use the CLI's formats: <code>summary.json</code> (<code>{'{ meta, rows, summary }'}</code>)
        and <code>metrics.csv</code>.
      </p>
      <div class="buttons">
        <button
          type="button"
          disabled={rows.length === 0}
          onClick={exportJson}
          data-testid="export-json"
        >
          Export summary.json
        </button>
        <button
          type="button"
          disabled={rows.length === 0}
          onClick={() => download('metrics.csv', toCsv(rows), 'text/csv')}
        >
          Export metrics.csv
        </button>
        <label class="file-button">
          Open a CLI summary.json (up to {MAX_SUMMARY_BYTES / (1024 * 1024)} MiB)
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => open(e.currentTarget.files?.[0])}
          />
        </label>
        {opened !== null && (
          <button type="button" onClick={() => setOpened(null)}>
            Back to this browser's runs
          </button>
        )}
        <button
          type="button"
          disabled={runs.length === 0}
          onClick={() => {
            store.clear().then(() => {
              storedRuns.value = [];
            });
          }}
        >
          Forget stored runs
        </button>
      </div>
      {error !== null && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="figure" ref={figure} data-testid="figure" />
      {runs.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption>Stored runs</caption>
            <thead>
              <tr>
                <th scope="col">run</th>
                <th scope="col">epochs</th>
                <th scope="col">train examples</th>
                <th scope="col">final test acc.</th>
                <th scope="col">saved</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <th scope="row">{run.id}</th>
                  <td>{run.result.epochs.length}</td>
                  <td>{run.trainSize.toLocaleString('en')}</td>
                  <td>{formatPercent(run.result.epochs.at(-1)?.testAccuracy ?? Number.NaN)}</td>
                  <td>{new Date(run.savedAt).toLocaleString('en')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
