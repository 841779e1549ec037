import type { RunConfig } from './config.js';
import type { RunSeeds } from './seeds.js';

/** Metrics of one epoch; accuracies are fractions in [0, 1]. */
export interface EpochMetrics {
  /** 1-based. */
  epoch: number;
  /** Mean training loss over the epoch's examples (training mode). */
  trainLoss: number;
  /** Fraction of training examples classified right while training. */
  trainAccuracy: number;
  /** NaN when the run holds out no validation examples. */
  validationLoss: number;
  validationAccuracy: number;
  testLoss: number;
  testAccuracy: number;
  /** Wall time of the epoch: training plus evaluation. */
  seconds: number;
  /** Training examples per second over the epoch (evaluation excluded). */
  examplesPerSecond: number;
}

/** Where a run stopped early because its loss stopped being finite. */
export interface Divergence {
  epoch: number;
  /** Global 1-based step whose loss was not finite. */
  step: number;
  loss: number;
  /** Last finite training loss, or NaN when the first step already diverged. */
  lastFiniteLoss: number;
}

/** The outcome of one run. */
export interface RunResult {
  config: RunConfig;
  seeds: RunSeeds;
  parameterCount: number;
  epochs: EpochMetrics[];
  /** Set when the loss became NaN or infinite; the run stopped there. */
  divergence: Divergence | null;
  /** True when the caller aborted the run; `epochs` holds the finished ones. */
  interrupted: boolean;
  /** Final test evaluation's confusion matrix, confusion[label][predicted]. */
  confusion: number[][] | null;
  seconds: number;
}

/** Progress reported while training; libraries report, applications render. */
export type TrainEvent =
  | {
      type: 'start';
      totalSteps: number;
      stepsPerEpoch: number;
      epochs: number;
      parameterCount: number;
    }
  | {
      type: 'step';
      epoch: number;
      /** Global 1-based step. */
      step: number;
      totalSteps: number;
      /** Mean loss of the epoch so far. */
      loss: number;
      examplesPerSecond: number;
      /** Seconds left for the training steps at the current speed. */
      etaSeconds: number;
    }
  | { type: 'epoch'; metrics: EpochMetrics }
  | { type: 'divergence'; divergence: Divergence }
  | { type: 'end'; result: RunResult };
