import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent } from './duration.js';

describe('formatDuration', () => {
  it('writes seconds, minutes and hours', () => {
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
  });

  it('shows an em dash for unknown times', () => {
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('formats fractions', () => {
    expect(formatPercent(0.98765)).toBe('98.77 %');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});
