import { createRequire } from 'node:module';
import path from 'node:path';

import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { FIGURE_FONT, type VegaLiteSpec } from '@rrelu/trainer';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Default zoom of {@link svgToPng}: 2 device pixels per SVG pixel. */
export const DEFAULT_PNG_SCALE = 2;
/** Default background of {@link svgToPng}. */
export const DEFAULT_PNG_BACKGROUND = 'white';
/** DejaVu font files loaded for PNG rendering (regular and bold sans). */
export const FONT_FILE_NAMES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /**
   * Receives Vega-Lite and Vega warnings (e.g. a dropped encoding); they are
   * discarded by default, since a library does not print.
   */
  onWarning?: (message: string) => void;
}

/** Options of {@link svgToPng}. */
export interface SvgToPngOptions {
  /** Device pixels per SVG pixel, > 0; default {@link DEFAULT_PNG_SCALE}. */
  scale?: number;
  /** CSS colour behind the drawing; default {@link DEFAULT_PNG_BACKGROUND}. */
  background?: string;
}

/**
 * Renders a Vega-Lite spec to SVG text without a browser: compiles it to
 * Vega, runs a headless `vega.View` (renderer 'none') and serializes the
 * scene graph. The view is finalized afterwards, also on failure.
 *
 * @param spec A Vega-Lite spec with inline data, e.g. from `accuracyFigureSpec`.
 * @param options Optional warning sink.
 * @returns SVG markup starting with `<svg`.
 * @example
 * const svg = await renderSvg(accuracyFigureSpec(rows));
 */
export async function renderSvg(
  spec: VegaLiteSpec | TopLevelSpec,
  options: RenderSvgOptions = {},
): Promise<string> {
  const logger = vega.logger(vega.Warn, 'warn', (_method, _level, args) => {
    options.onWarning?.(args.map(String).join(' '));
  });

  // The spec is built as plain JSON; Vega-Lite's compiler validates it here.
  const { spec: vegaSpec } = compile(spec as TopLevelSpec, { logger });
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', logger });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Rasterizes SVG text to PNG with resvg, using only the DejaVu Sans fonts of
 * the `dejavu-fonts-ttf` package (no system fonts, so output is the same on
 * every machine) on an opaque background.
 *
 * @param svg SVG markup, e.g. from {@link renderSvg}.
 * @param options Zoom (default 2) and background (default white).
 * @returns PNG bytes; the image is `scale` times the SVG's width and height.
 * @example
 * await writeFile('figure.png', svgToPng(await renderSvg(spec)));
 */
export function svgToPng(svg: string, options: SvgToPngOptions = {}): Uint8Array {
  const scale = options.scale ?? DEFAULT_PNG_SCALE;
  if (!(scale > 0 && Number.isFinite(scale))) {
    throw new RangeError(`svgToPng needs a finite scale > 0, got ${scale}`);
  }

  const resvg = new Resvg(svg, {
    font: {
      fontFiles: dejaVuFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: FIGURE_FONT,
      sansSerifFamily: FIGURE_FONT,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: options.background ?? DEFAULT_PNG_BACKGROUND,
    logLevel: 'off',
  });
  return resvg.render().asPng();
}

/**
 * Absolute paths of the {@link FONT_FILE_NAMES} in the installed
 * `dejavu-fonts-ttf` package, found through Node module resolution.
 */
export function dejaVuFontFiles(): string[] {
  const packageJson = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  const fontFolder = path.join(path.dirname(packageJson), 'ttf');

  return FONT_FILE_NAMES.map((name) => path.join(fontFolder, name));
}
