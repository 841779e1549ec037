import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { DataError } from '../errors.js';
import {
  accuracyFigureSpec,
  type EpochRow,
  renderSvg,
  summarize,
  svgToPng,
  writeFileAtomic,
} from '../report/index.js';
import { writeErrorFigure } from '../report-files.js';
import { parseJson } from '../results.js';

/** The `plot` command: redraws a results folder's figures from its summary.json. */
export function plotCommand(): Command {
  return new Command('plot')
    .description('redraw the figures (figure.*, error.*) of a results folder from its summary.json')
    .argument('<results>', 'results folder holding summary.json')
    .option('--out <dir>', 'folder for the figures (default: the results folder)')
    .action(async (results: string, opts: { out?: string }) => {
      const file = path.join(results, 'summary.json');
      let rows: EpochRow[];
      try {
        const json = parseJson(await readFile(file, 'utf8')) as { rows?: EpochRow[] };
        if (!Array.isArray(json.rows)) throw new Error('it has no "rows" array');
        rows = json.rows.map((row) => ({ ...row, trainLoss: row.trainLoss ?? Number.NaN }));
      } catch (error) {
        throw new DataError(`${file}: cannot use it (${(error as Error).message})`);
      }
      const outDir = path.resolve(opts.out ?? results);
      const spec = accuracyFigureSpec(rows);
      const svg = await renderSvg(spec);
      await writeFileAtomic(
        path.join(outDir, 'figure.vl.json'),
        `${JSON.stringify(spec, null, 2)}\n`,
      );
      await writeFileAtomic(path.join(outDir, 'figure.svg'), svg);
      await writeFileAtomic(path.join(outDir, 'figure.png'), svgToPng(svg));
      await writeErrorFigure(outDir, summarize(rows));
      process.stderr.write(`figures: ${outDir}\n`);
    });
}
