import { EXIT } from './exit-codes.js';

/** What {@link handleSignals} does on each signal. */
export interface SignalHandlers {
  /** First SIGINT/SIGTERM: ask the work to end after its current step. */
  stop(): void;
  /** Prints a line for the user. */
  log(line: string): void;
  /**
   * Second signal: last synchronous words (mark the run interrupted, remove
   * temporary files) before the process exits. Errors are printed, not thrown.
   */
  beforeExit(signal: NodeJS.Signals): void;
}

/** The signal received so far, and how to stop listening. */
export interface SignalState {
  readonly signal: NodeJS.Signals | null;
  dispose(): void;
}

/**
 * First SIGINT/SIGTERM: `stop()`, and the caller writes what finished and
 * returns 130 or 143. Second: `beforeExit()`, then the process exits at once
 * with 130 (SIGINT) or 143 (SIGTERM), without waiting for the running steps.
 */
export function handleSignals(handlers: SignalHandlers): SignalState {
  let received: NodeJS.Signals | null = null;

  const onSignal = (signal: NodeJS.Signals) => {
    if (received !== null) {
      try {
        handlers.beforeExit(signal);
      } catch (error) {
        handlers.log(`error: ${error instanceof Error ? error.message : String(error)}`);
      }
      process.exit(signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm);
    }
    received = signal;
    handlers.log(
      `${signal}: stopping after the current step and saving what finished (again to quit now)`,
    );
    handlers.stop();
  };

  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    get signal() {
      return received;
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
