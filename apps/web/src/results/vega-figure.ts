import type { EpochRow, VegaLiteSpec } from '@rrelu/trainer/report';
import type { TopLevelSpec } from 'vega-lite';

/**
 * Draws the CLI's accuracy figure (the same Vega-Lite spec) as SVG inside
 * `container`. Vega is loaded on demand and runs with its expression
 * interpreter, so the page's CSP needs no `unsafe-eval`.
 */
export async function drawAccuracyFigure(
  container: HTMLElement,
  rows: readonly EpochRow[],
  title?: string,
): Promise<void> {
  const [{ accuracyFigureSpec }, vega, { compile }, { expressionInterpreter }] = await Promise.all([
    import('@rrelu/trainer/report'),
    import('vega'),
    import('vega-lite'),
    import('vega-interpreter'),
  ]);
  const spec = accuracyFigureSpec(rows, title === undefined ? {} : { title });
  const runtime = vega.parse(compile(asTopLevel(spec)).spec, undefined, { ast: true });
  const view = new vega.View(runtime, {
    renderer: 'svg',
    container,
    hover: false,
    expr: expressionInterpreter,
  });
  await view.runAsync();
}

/** The figure specs are plain JSON; Vega-Lite's compiler validates them. */
function asTopLevel(spec: VegaLiteSpec | TopLevelSpec): TopLevelSpec {
  return spec as TopLevelSpec;
}
