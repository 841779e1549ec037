// Bundles the benchmark (so tfjs-core's autodiff gradients load for the naive
// baseline, which plain Node cannot import) and runs it. Usage:
//   node tooling/bench/run.mjs [--quick] [--no-save]
//   node tooling/bench/run.mjs --soak [--epochs 50] [--no-save]   (the soak test, soak.ts)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const soak = process.argv.includes('--soak');
const name = soak ? 'soak' : 'bench';
const outfile = path.join(here, 'dist', `${name}.cjs`);
await build({
  entryPoints: [path.join(here, `${name}.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
// The soak test measures memory after a full collection, which --expose-gc allows,
// with V8's young generation held at a fixed size: left alone, it doubles from
// 8 to 16 MB and more as the run goes on (a bounded growth of RSS, not a leak)
// and would hide or mimic a leak of the size the test looks for.
const nodeFlags = soak ? ['--expose-gc', '--max-semi-space-size=2'] : [];
const args = process.argv.slice(2).filter((arg) => arg !== '--soak');
const result = spawnSync(process.execPath, [...nodeFlags, outfile, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
