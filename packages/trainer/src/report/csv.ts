import { type EpochRow, METRIC_COLUMNS } from './rows.js';

/**
 * Writes epoch rows as CSV (RFC 4180): a header line with the names in
 * {@link METRIC_COLUMNS}, then one line per row, each line ending in `\n`.
 *
 * Numbers keep full precision (`String(n)`, so NaN stays `NaN`), booleans
 * are `true`/`false`, and a value holding a comma, a double quote or a line
 * break is wrapped in double quotes with its quotes doubled.
 *
 * @param rows Epoch rows in the order they should appear; may be empty.
 * @returns The CSV text, always ending in a newline.
 * @example
 * toMetricsCsv([row]);
 * // 'activation,batchNorm,seed,epoch,...\nrrelu,false,1,3,...\n'
 */
export function toMetricsCsv(rows: readonly EpochRow[]): string {
  const header = METRIC_COLUMNS.join(',');
  const lines = rows.map((row) => METRIC_COLUMNS.map((column) => csvField(row[column])).join(','));

  return `${[header, ...lines].join('\n')}\n`;
}

/** Formats one value as a CSV field, quoting it when it needs quotes. */
function csvField(value: string | number | boolean): string {
  const text = String(value);

  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
