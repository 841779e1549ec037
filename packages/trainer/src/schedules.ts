/** Learning-rate schedules, evaluated per step (0-based). */
export type Schedule =
  | { kind: 'constant' }
  /** Multiply by `factor` every `everyEpochs` epochs. */
  | { kind: 'step'; everyEpochs: number; factor: number }
  /** Cosine decay from the base rate to `minimum` over the whole run (Loshchilov & Hutter 2017). */
  | { kind: 'cosine'; minimum?: number };

/**
 * The learning rate at `step` of `totalSteps`, with `stepsPerEpoch` steps an epoch.
 * constant: lr; step: lr·factor^⌊epoch/everyEpochs⌋;
 * cosine: min + (lr − min)·(1 + cos(π·step/totalSteps))/2.
 */
export function learningRateAt(
  schedule: Schedule,
  base: number,
  step: number,
  stepsPerEpoch: number,
  totalSteps: number,
): number {
  if (schedule.kind === 'constant') return base;
  if (schedule.kind === 'step') {
    const epoch = Math.floor(step / stepsPerEpoch);
    return base * schedule.factor ** Math.floor(epoch / schedule.everyEpochs);
  }
  const minimum = schedule.minimum ?? 0;
  const progress = totalSteps <= 1 ? 0 : step / totalSteps;
  return minimum + ((base - minimum) * (1 + Math.cos(Math.PI * progress))) / 2;
}
