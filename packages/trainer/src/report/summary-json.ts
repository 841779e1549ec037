import type { EpochRow } from './rows.js';
import type { SummaryRow } from './summary.js';

/**
 * Content of a results folder's summary.json, shared by the CLI (which
 * writes it) and the web app (which exports and reads it). After a JSON round
 * trip a NaN training loss reads back as null.
 */
export interface SummaryJson<Meta = unknown> {
  /** The writer's run description. */
  meta: Meta;
  /** Every epoch row, with the field names of {@link EpochRow}. */
  rows: EpochRow[];
  /** Output of `summarize(rows)`. */
  summary: SummaryRow[];
}
