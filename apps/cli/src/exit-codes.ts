/** Process exit codes of the rrelu command. */
export const EXIT = {
  ok: 0,
  /** At least one cell failed or the run could not finish. */
  failed: 1,
  /** Bad flags or configuration. */
  usage: 2,
  /** The data could not be read or is not valid IDX. */
  data: 3,
  /** Interrupted by SIGINT (128 + 2) or SIGTERM (128 + 15). */
  sigint: 130,
  sigterm: 143,
} as const;
