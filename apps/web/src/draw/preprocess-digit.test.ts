import { describe, expect, it } from 'vitest';
import { centreOfMass, inkBox, MNIST_SIDE, preprocessDigit } from './preprocess-digit.js';

/** A 280×280 canvas with a filled rectangle of ink. */
function drawing(left: number, top: number, width: number, height: number) {
  const side = 280;
  const pixels = new Float32Array(side * side);
  for (let y = top; y < top + height; y++) {
    for (let x = left; x < left + width; x++) pixels[y * side + x] = 1;
  }
  return { width: side, height: side, pixels };
}

describe('preprocessDigit', () => {
  it('returns a blank 28×28 image for a blank drawing', () => {
    const out = preprocessDigit({ width: 10, height: 10, pixels: new Float32Array(100) });
    expect(out.length).toBe(784);
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it('scales the longer side to 20 pixels and keeps the aspect ratio', () => {
    // A 40×100 stroke in a corner: 100 → 20 rows, 40 → 8 columns.
    const out = preprocessDigit(drawing(5, 5, 40, 100));
    const box = inkBox({ width: MNIST_SIDE, height: MNIST_SIDE, pixels: out }, 0.05);
    expect(box).toEqual({ left: 10, top: 4, width: 8, height: 20 });
  });

  it('puts the centre of mass at the centre of the frame', () => {
    const out = preprocessDigit(drawing(200, 150, 60, 60));
    const { x, y } = centreOfMass(out, MNIST_SIDE, MNIST_SIDE);
    expect(Math.abs(x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(y - 14)).toBeLessThanOrEqual(0.5);
  });

  it('keeps ink values within 0…1 and conserves mean ink under area averaging', () => {
    const out = preprocessDigit(drawing(0, 0, 100, 100));
    expect(Math.max(...out)).toBeCloseTo(1, 6);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(400, 3);
  });
});
