import { describe, expect, it } from 'vitest';
import { loadMnist } from './load-mnist.js';
import { pixelStats } from './pixel-stats.js';

describe('pixelStats', () => {
  it('hand example: pixels 0 and 255 have mean 0.5 and std 0.5', () => {
    const stats = pixelStats({ pixels: Uint8Array.of(0, 255) });

    expect(stats.mean).toBe(0.5);
    expect(stats.std).toBe(0.5);
  });

  it('is zero for no pixels', () => {
    expect(pixelStats({ pixels: new Uint8Array(0) })).toEqual({ mean: 0, std: 0 });
  });

  it('all 60,000 MNIST training images: 0.1307 and 0.3081 (PyTorch MNIST example)', async () => {
    // transforms.Normalize((0.1307,), (0.3081,)) in pytorch/examples mnist/main.py; the
    // constants are rounded to 4 decimals, so ε = 5e-5 (toBeCloseTo with 4 digits).
    const data = await loadMnist({ validationSize: 0 });

    const stats = pixelStats(data.train);

    expect(stats.mean).toBeCloseTo(0.1307, 4);
    expect(stats.std).toBeCloseTo(0.3081, 4);
  });
});
