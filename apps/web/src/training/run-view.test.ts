import { DEFAULT_RUN_CONFIG } from '@rrelu/trainer';
import { describe, expect, it } from 'vitest';
import { queuedRun, queueEtaSeconds, type RunView } from './run-view.js';

const config = { ...DEFAULT_RUN_CONFIG, epochs: 2, batchSize: 60 };

describe('queueEtaSeconds', () => {
  it('is NaN before any speed is known', () => {
    expect(queueEtaSeconds([queuedRun('a', config)])).toBeNaN();
  });

  it('adds the queued runs at the running run’s speed', () => {
    // Hand count: 2 queued epochs of 10 steps → 20 × 60 examples / 600 per s = 2 s, plus 5 s.
    const running: RunView = {
      ...queuedRun('a', config),
      status: 'running',
      totalSteps: 20,
      examplesPerSecond: 600,
      etaSeconds: 5,
    };
    expect(queueEtaSeconds([running, queuedRun('b', config)])).toBeCloseTo(7, 10);
  });
});
