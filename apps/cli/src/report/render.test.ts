import { existsSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { dejaVuFontFiles, renderSvg, svgToPng } from './render.js';
import { accuracyFigureSpec, type EpochRow } from '@rrelu/trainer';

const ACTIVATIONS = ['relu', 'lrelu', 'vlrelu', 'prelu', 'rrelu', 'elu'];

/** Two seeds, two batch-norm settings, four epochs of made-up accuracies. */
const rows: EpochRow[] = ACTIVATIONS.flatMap((activation, a) =>
  [false, true].flatMap((batchNorm) =>
    [1, 2].flatMap((seed) =>
      [1, 2, 3, 4].map((epoch) => ({
        activation,
        batchNorm,
        seed,
        epoch,
        trainLoss: 1 / epoch,
        trainAccuracy: 0.95,
        validationAccuracy: 0.95,
        testAccuracy: 0.94 + 0.008 * epoch + 0.001 * a + 0.0005 * seed,
        seconds: 1,
      })),
    ),
  ),
);

/** Width and height from a PNG's IHDR chunk (PNG spec 11.2.2: bytes 16-23, big endian). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The width and height attributes of the root <svg> element. */
function svgSize(svg: string): { width: number; height: number } {
  const match = /^<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
  if (match === null) throw new Error(`no svg size in ${svg.slice(0, 120)}`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

describe('renderSvg', () => {
  it('renders labelled text for every activation and one line per series', async () => {
    const warnings: string[] = [];

    const svg = await renderSvg(accuracyFigureSpec(rows), {
      onWarning: (message) => warnings.push(message),
    });

    expect(svg.startsWith('<svg')).toBe(true);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    for (const activation of ACTIVATIONS) expect(texts).toContain(activation);
    for (const label of ['epoch', 'test accuracy (%)', 'activation', 'with batch norm']) {
      expect(texts).toContain(label);
    }
    // 2 panels × 6 activations, each line mark drawn in its own group.
    expect(svg.match(/class="mark-line role-mark/g)).toHaveLength(12);
    expect(svg).not.toMatch(/font-family="(?!DejaVu Sans")/);
    expect(warnings).toEqual([]);
  });
});

describe('renderSvg warnings', () => {
  it('passes compiler warnings to onWarning instead of printing them', async () => {
    const warnings: string[] = [];
    // Vega-Lite drops an encoding without a field, with a warning.
    const svg = await renderSvg(
      {
        data: { values: [{ x: 1, y: 2 }] },
        mark: 'line',
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { type: 'quantitative' },
        },
      },
      { onWarning: (message) => warnings.push(message) },
    );

    expect(svg.startsWith('<svg')).toBe(true);
    expect(warnings.join('\n')).toMatch(/Dropping .* from channel "y"/);
  });
});

describe('svgToPng', () => {
  it('writes a PNG at twice the SVG size by default', async () => {
    const svg = await renderSvg(accuracyFigureSpec(rows));

    const png = svgToPng(svg);

    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const size = svgSize(svg);
    expect(pngSize(png)).toEqual({ width: 2 * size.width, height: 2 * size.height });
  });

  it('honours the scale option and rejects a bad one', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"></svg>';

    expect(pngSize(svgToPng(svg, { scale: 1 }))).toEqual({ width: 40, height: 30 });
    expect(pngSize(svgToPng(svg, { scale: 3 }))).toEqual({ width: 120, height: 90 });
    expect(() => svgToPng(svg, { scale: 0 })).toThrow(/finite scale > 0, got 0/);
  });

  it('finds the DejaVu Sans files through module resolution', () => {
    const files = dejaVuFontFiles();

    expect(files.map((file) => file.split(/[\\/]/).pop())).toEqual([
      'DejaVuSans.ttf',
      'DejaVuSans-Bold.ttf',
    ]);
    for (const file of files) expect(existsSync(file)).toBe(true);
  });
});
