import Table from 'cli-table3';
import picocolors from 'picocolors';
import { BASELINE_ACTIVATION, SIGNIFICANCE_LEVEL, type SummaryRow } from '@rrelu/trainer';

/** Options of {@link formatTable}. */
export interface FormatTableOptions {
  /** Whether to use ANSI colours (header, best mean per column, divergences). */
  color: boolean;
}

/**
 * Formats a summary as a terminal table: one row per activation; for each
 * batch-norm setting present, the final test accuracy in percent
 * ("mean ± std" when there are several seeds, `*` when it differs from ReLU
 * at p < 0.05) and the test accuracy at the best-validation epoch. A caption
 * above says how many epochs and seeds; notes below explain the marks.
 *
 * @param summary Output of `summarize`.
 * @param options `color: true` for ANSI colours, false for plain text.
 * @returns The table text without a trailing newline.
 * @example
 * console.log(formatTable(summarize(rows), { color: process.stdout.isTTY }));
 */
export function formatTable(summary: readonly SummaryRow[], options: FormatTableOptions): string {
  const colors = picocolors.createColors(options.color);
  const model = tableModel(summary);

  const table = new Table({
    head: model.header.map((title) => colors.bold(colors.cyan(title))),
    colAligns: model.header.map((_, index) => (index === 0 ? 'left' : 'right')),
    style: { head: [], border: [], compact: true },
  });
  for (const row of model.rows) {
    table.push([
      row.activation,
      ...row.cells.map((cell) => {
        if (cell.diverged) return colors.red(cell.text);
        return cell.top ? colors.bold(colors.green(cell.text)) : cell.text;
      }),
    ]);
  }

  return [model.caption, table.toString(), ...model.notes.map(colors.dim)].join('\n');
}

/**
 * Formats a summary as GitHub Markdown for summary.md: a caption line with
 * the number of epochs and seeds, the same table as {@link formatTable}
 * (best mean per column in bold), and notes explaining the marks.
 *
 * @param summary Output of `summarize`.
 * @returns Markdown text ending in a newline.
 * @example
 * await writeFile('summary.md', toMarkdown(summarize(rows)));
 */
export function toMarkdown(summary: readonly SummaryRow[]): string {
  const model = tableModel(summary);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const cellText = (cell: TableCell) => {
    const text = escapeMarkdown(cell.text);
    return cell.top ? `**${text}**` : text;
  };

  const lines = [
    '# Activation comparison on MNIST',
    '',
    escapeMarkdown(model.caption),
    '',
    line(model.header.map(escapeMarkdown)),
    `| --- |${' ---: |'.repeat(model.header.length - 1)}`,
    ...model.rows.map((row) => line([escapeMarkdown(row.activation), ...row.cells.map(cellText)])),
    '',
    ...model.notes.map((note) => `${escapeMarkdown(note)}  `),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Mark appended to a final accuracy that differs significantly from the baseline. */
const SIGNIFICANT_MARK = '*';
/** Text of a cell for a setting that was not run. */
const MISSING = '—';

interface TableCell {
  text: string;
  /** Highest mean final accuracy of its column. */
  top: boolean;
  diverged: boolean;
}

interface TableModel {
  caption: string;
  header: string[];
  rows: { activation: string; cells: TableCell[] }[];
  notes: string[];
}

/** Lays out the table once for both renderings. */
function tableModel(summary: readonly SummaryRow[]): TableModel {
  const settings = [false, true].filter((on) => summary.some((s) => s.batchNorm === on));
  const activations = [...new Set(summary.map((s) => s.activation))];
  const topMean = (batchNorm: boolean) =>
    Math.max(...summary.filter((s) => s.batchNorm === batchNorm).map(finalMean));

  const withInterval = summary.some((s) => s.seeds > 1);
  const header = [
    'activation',
    ...settings.flatMap((on) => {
      const label = on ? 'BN' : 'no BN';
      const interval = withInterval ? [`95 % CI, ${label}`] : [];
      return [`test acc, ${label}`, ...interval, `best, ${label}`];
    }),
  ];
  const rows = activations.map((activation) => ({
    activation,
    cells: settings.flatMap((batchNorm) => {
      const entry = summary.find((s) => s.activation === activation && s.batchNorm === batchNorm);
      const interval = withInterval ? [intervalCell(entry)] : [];
      if (entry === undefined) return [plainCell(MISSING), ...interval, plainCell(MISSING)];
      const final = finalCell(entry, finalMean(entry) === topMean(batchNorm));
      return [final, ...interval, bestCell(entry)];
    }),
  }));

  return { caption: caption(summary), header, rows, notes: notes(summary) };
}

function finalMean(entry: SummaryRow): number {
  return entry.finalTestAccuracy.mean;
}

/** "96.80–97.44 %": the 95 % interval of the mean final accuracy (Student's t over seeds). */
function intervalCell(entry: SummaryRow | undefined): TableCell {
  const ci = entry?.finalTestAccuracy.ci95;
  if (entry === undefined || ci === null || ci === undefined) return plainCell(MISSING);
  const { mean } = entry.finalTestAccuracy;
  return plainCell(`${percent(mean - ci)}–${percent(mean + ci)} %`);
}

function plainCell(text: string): TableCell {
  return { text, top: false, diverged: false };
}

/** "97.12 ± 0.15 %*", or "97.12 %" for one seed, plus a count of diverged seeds. */
function finalCell(entry: SummaryRow, top: boolean): TableCell {
  const { mean, std } = entry.finalTestAccuracy;
  const spread = entry.seeds > 1 ? ` ± ${percent(std)}` : '';
  const mark = entry.differsFromRelu === true ? SIGNIFICANT_MARK : '';
  const diverged = entry.divergedSeeds > 0 ? ` (${entry.divergedSeeds} diverged)` : '';

  return {
    text: `${percent(mean)}${spread} %${mark}${diverged}`,
    top: top && Number.isFinite(mean),
    diverged: entry.divergedSeeds > 0,
  };
}

/** "97.30 % (ep 8)": mean test accuracy at the best-validation epoch. */
/** The best epoch is chosen on validation accuracy: none without a validation split. */
function bestCell(entry: SummaryRow): TableCell {
  if (!Number.isFinite(entry.bestEpochTestAccuracy)) return plainCell(MISSING);
  return plainCell(`${percent(entry.bestEpochTestAccuracy)} % (ep ${entry.bestEpoch})`);
}

function percent(fraction: number): string {
  return (fraction * 100).toFixed(2);
}

/** "Final test accuracy after 10 epochs, mean ± std over 3 seeds." */
function caption(summary: readonly SummaryRow[]): string {
  if (summary.length === 0) return 'No runs to summarize.';

  const epochs = countText(
    summary.map((s) => s.finalEpoch),
    'epoch',
  );
  if (summary.every((s) => s.seeds === 1)) {
    return `Final test accuracy after ${epochs}, one seed per setting.`;
  }
  const seeds = countText(
    summary.map((s) => s.seeds),
    'seed',
  );
  return `Final test accuracy after ${epochs}, mean ± std over ${seeds}.`;
}

/** "3 seeds", "1 seed" or "2–3 seeds" for a range. */
function countText(counts: readonly number[], noun: string): string {
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  const amount = low === high ? String(low) : `${low}–${high}`;
  return `${amount} ${noun}${high === 1 ? '' : 's'}`;
}

function notes(summary: readonly SummaryRow[]): string[] {
  if (summary.length === 0) return [];

  const lines = [
    'best: mean test accuracy at the epoch (ep) with the highest mean validation accuracy.',
  ];
  if (summary.some((s) => s.seeds > 1)) {
    lines.push("95 % CI: Student's t interval of the mean final accuracy over seeds.");
  }
  if (summary.some((s) => s.versusRelu !== null)) {
    lines.push(
      `${SIGNIFICANT_MARK} differs from ${BASELINE_ACTIVATION} with the same batch-norm ` +
        `setting at p < ${SIGNIFICANCE_LEVEL} (Welch's t-test, two-sided).`,
    );
  }
  return lines;
}

/** Escapes characters that would break a Markdown table cell or add emphasis. */
function escapeMarkdown(text: string): string {
  return text.replace(/[|\\`_*]/g, (character) => `\\${character}`).replace(/\r?\n/g, ' ');
}
