import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '@rrelu/trainer';
import { Command } from 'commander';
import { DataError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { probeFolder } from '../grid-run.js';
import { writeFileAtomic } from '../report/index.js';
import { writeRunReport } from '../report-files.js';
import { CELLS_DIR, type CellRecord, parseJson, stringify } from '../results.js';

interface PartManifest {
  plan: { hash: string; cellIds: string[]; selection: string | null } | null;
  config: unknown;
  backend: unknown;
}

/** The `merge` command: the parts of one plan into one report. */
export function mergeCommand(): Command {
  return new Command('merge')
    .description(
      'combine the output folders of `rrelu run` shards of one plan into one report ' +
        '(the same table and figures as an unsharded run); lists missing cells',
    )
    .argument('<folders...>', 'output folders of the parts')
    .requiredOption('--out <dir>', 'folder for the merged report (required)')
    .option('--json', 'print the summary as JSON on stdout', false)
    .action(async (folders: string[], opts: { out: string; json: boolean }) => {
      const parts = await Promise.all(
        folders.map(async (folder) => ({ folder, manifest: await readManifest(folder) })),
      );
      const hashes = [...new Set(parts.map((p) => p.manifest.plan?.hash ?? 'none'))];
      if (hashes.length !== 1 || hashes[0] === 'none') {
        throw new DataError(
          `the folders do not belong to one plan: ${parts.map((p) => `${p.folder} → plan ${p.manifest.plan?.hash.slice(0, 12) ?? 'none (not made by rrelu run)'}`).join('; ')}`,
        );
      }
      const first = parts[0]?.manifest.plan;
      if (first === undefined || first === null)
        throw new UsageError('merge needs at least one folder');

      const results: RunResult[] = [];
      const missing: string[] = [];
      for (const id of first.cellIds) {
        const record = await findCell(folders, id);
        if (record?.result && (record.status === 'complete' || record.status === 'diverged')) {
          results.push(record.result);
        } else {
          missing.push(record === null ? id : `${id} (${record.status})`);
        }
      }

      const outDir = path.resolve(opts.out);
      const probe = await probeFolder(outDir);
      if (probe !== null) throw new UsageError(`--out ${outDir}: cannot write there (${probe})`);
      const manifest = {
        tool: 'rrelu merge',
        argv: process.argv.slice(2),
        status: missing.length === 0 ? 'complete' : 'incomplete',
        createdAt: new Date().toISOString(),
        plan: { hash: first.hash, cellIds: first.cellIds, selection: null },
        config: parts[0]?.manifest.config,
        parts: parts.map((p) => ({
          folder: path.resolve(p.folder),
          selection: p.manifest.plan?.selection ?? null,
          backend: p.manifest.backend,
        })),
        missing,
      };
      await writeFileAtomic(path.join(outDir, 'manifest.json'), `${stringify(manifest)}\n`);
      if (results.length > 0) {
        const report = await writeRunReport(outDir, results, {
          manifest: 'manifest.json',
          status: manifest.status,
        });
        process.stdout.write(opts.json ? `${stringify(report.json)}\n` : `${report.table}\n`);
      }
      process.stderr.write(
        `merged ${results.length} of ${first.cellIds.length} cells from ${folders.length} folders → ${outDir}\n`,
      );
      if (missing.length > 0) {
        process.stderr.write(
          `missing ${missing.length} cells:\n${missing.map((id) => `  ${id}\n`).join('')}`,
        );
        process.exitCode = EXIT.failed;
      }
    });
}

async function readManifest(folder: string): Promise<PartManifest> {
  const file = path.join(folder, 'manifest.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as PartManifest;
  } catch (error) {
    throw new DataError(`${file}: cannot read the part's manifest (${(error as Error).message})`);
  }
}

async function findCell(folders: readonly string[], id: string): Promise<CellRecord | null> {
  let found: CellRecord | null = null;
  for (const folder of folders) {
    try {
      const record = parseJson(
        await readFile(path.join(folder, CELLS_DIR, `${id}.json`), 'utf8'),
      ) as CellRecord;
      if (found === null || record.status === 'complete' || record.status === 'diverged')
        found = record;
      if (record.status === 'complete' || record.status === 'diverged') return record;
    } catch {
      // not in this folder
    }
  }
  return found;
}
