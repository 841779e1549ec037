/**
 * A Vega-Lite specification as plain JSON. The figures are built as data so
 * this package needs no Vega dependency; renderers (the CLI's SVG/PNG
 * writer, the web app's view) hand it to Vega-Lite's compiler.
 */
export type VegaLiteSpec = Record<string, unknown>;
