import type { EpochRow } from '@rrelu/trainer/report';
import { rowsFromSummaryJson } from './export-results.js';

/**
 * Largest summary.json the results page opens: 20 MiB. A CLI summary of the
 * full comparison (6 activations × 2 × 10 seeds × 10 epochs) is about 0.5 MB,
 * so this leaves room for big grids while keeping a wrong file from freezing
 * the tab while it is read and parsed.
 */
export const MAX_SUMMARY_BYTES = 20 * 1024 * 1024;

/** What the results page needs of a chosen file (a `File` has all three). */
export interface SummaryFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/**
 * Reads the epoch rows of a summary.json the user opened: refuses a file over
 * {@link MAX_SUMMARY_BYTES} before reading it, then parses it with the checked
 * parser {@link rowsFromSummaryJson}. Errors name the file and what is wrong.
 */
export async function rowsFromSummaryFile(file: SummaryFile): Promise<EpochRow[]> {
  if (file.size > MAX_SUMMARY_BYTES) {
    throw new Error(
      `${file.name} is ${megabytes(file.size)} (${file.size.toLocaleString('en')} bytes); ` +
        `the results page opens summary.json files up to ${megabytes(MAX_SUMMARY_BYTES)}`,
    );
  }

  try {
    return rowsFromSummaryJson(await file.text());
  } catch (error) {
    throw new Error(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Bytes in MiB, rounded up to 0.1 so that a file over the limit never reads as equal to it. */
function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MiB`;
}
