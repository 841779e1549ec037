import { Sequential } from '@rrelu/layers';
import type { NamedWeights } from './protocol.js';
import { readWeights } from './model-weights.js';

/**
 * Runs `body` while every Sequential model disposed during it first has its
 * weights copied to `onWeights`. `train()` of @rrelu/trainer disposes its
 * model before returning and offers no hook to keep it; this is how the web
 * app keeps the trained weights for the digit pad.
 *
 * TODO: replace with a trainer option that hands over the trained model
 * (requested in the web app's README); patching a prototype is global state.
 */
export async function captureDisposedModels<T>(
  body: () => Promise<T>,
  onWeights: (weights: NamedWeights[]) => void,
): Promise<T> {
  const original = Sequential.prototype.dispose;
  Sequential.prototype.dispose = function captureThenDispose(this: Sequential): void {
    try {
      onWeights(readWeights(this));
    } finally {
      original.call(this);
    }
  };
  try {
    return await body();
  } finally {
    Sequential.prototype.dispose = original;
  }
}
