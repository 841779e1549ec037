import type { TrainEvent } from '@rrelu/trainer';

/**
 * Collects a run's `step` events (reported every step) into steps.csv:
 * epoch, global step, the epoch's running mean loss as the trainer reports
 * it, and the loss of that step's batch recovered from two running means
 * (batches are full except an epoch's last).
 */
export class StepLog {
  private readonly lines: string[] = ['epoch,step,epochMeanLoss,stepLoss'];
  private stepsPerEpoch = 0;
  private previous = { epoch: 0, seen: 0, mean: 0 };

  constructor(
    private readonly trainCount: number,
    private readonly batchSize: number,
  ) {}

  add(event: TrainEvent): void {
    if (event.type === 'start') this.stepsPerEpoch = event.stepsPerEpoch;
    if (event.type !== 'step' || this.stepsPerEpoch === 0) return;

    const inEpoch = event.step - (event.epoch - 1) * this.stepsPerEpoch;
    const seen = Math.min(inEpoch * this.batchSize, this.trainCount);
    const before = this.previous.epoch === event.epoch ? this.previous : { seen: 0, mean: 0 };
    const stepLoss = (event.loss * seen - before.mean * before.seen) / (seen - before.seen);
    this.lines.push(`${event.epoch},${event.step},${event.loss},${stepLoss}`);
    this.previous = { epoch: event.epoch, seen, mean: event.loss };
  }

  csv(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
