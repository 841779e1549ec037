import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rreluInterrupted, SMALL_THREE_EPOCHS } from '../test-utils/cli.js';

// Three cells (relu, elu, lrelu) of 3 epochs × 10 steps, one worker. A hidden
// test hook of the worker holds the elu cell once it has reported its first
// epoch, so the signal always finds a finished cell (relu), a running one with
// one finished epoch (elu) and a pending one (lrelu), whatever the machine's speed.
const GRID = [
  'compare',
  ...SMALL_THREE_EPOCHS,
  '--activations',
  'relu,elu,lrelu',
  '--bn',
  'off',
  '--workers',
  '1',
];
/** The elu cell has finished its first epoch. */
const ELU_EPOCH_1 = /\[elu-[^\]]+\] epoch 1\/3/;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'rrelu-signals-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const json = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** Manifest cell statuses by activation label. */
function statusByLabel(manifest: {
  cells: { status: string; config: { label: string } }[];
}): Record<string, string> {
  return Object.fromEntries(manifest.cells.map((cell) => [cell.config.label, cell.status]));
}

describe('rrelu compare under signals', () => {
  it('SIGTERM: exit 143, finished cell kept, running cell kept as interrupted', async () => {
    const out = path.join(root, 'sigterm');

    const run = await rreluInterrupted(
      [...GRID, '--out', out],
      [{ after: ELU_EPOCH_1, signal: 'SIGTERM' }],
      { RRELU_TEST_PAUSE_LABEL: 'elu' },
    );

    expect(run.code, run.stderr).toBe(143);
    const manifest = await json(path.join(out, 'manifest.json'));
    expect(manifest.status).toBe('interrupted');
    expect(statusByLabel(manifest)).toEqual({
      relu: 'complete',
      elu: 'interrupted',
      lrelu: 'pending',
    });
    const [relu, elu, lrelu] = manifest.cells as { id: string }[];

    const finished = await json(path.join(out, 'cells', `${relu?.id}.json`));
    expect(finished.status).toBe('complete');
    expect(finished.result.epochs).toHaveLength(3);

    // The running cell stopped before its next step: epoch 1's metrics and its
    // ten per-step losses are kept, marked incomplete.
    const partial = await json(path.join(out, 'cells', `${elu?.id}.json`));
    expect(partial.status).toBe('interrupted');
    expect(partial.result.interrupted).toBe(true);
    expect(partial.result.epochs.map((m: { epoch: number }) => m.epoch)).toEqual([1]);
    expect(Number.isFinite(partial.result.epochs[0].testAccuracy)).toBe(true);
    const steps = await readFile(path.join(out, 'cells', `${elu?.id}.steps.csv`), 'utf8');
    const stepLines = steps.trim().split('\n');
    expect(stepLines).toHaveLength(1 + 10);
    expect(stepLines.at(-1)).toMatch(/^1,10,/);

    const files = await filesUnder(out);
    expect(files).not.toContain(`cells/${lrelu?.id}.json`);
    expect(files.filter((file) => file.endsWith('.tmp') || file.includes('.rrelu-probe'))).toEqual(
      [],
    );
    // The report holds the finished cell only.
    const metrics = (await readFile(path.join(out, 'metrics.csv'), 'utf8')).trim().split('\n');
    expect(metrics.slice(1).map((line) => line.split(',')[0])).toEqual(['relu', 'relu', 'relu']);
  });

  it('a second SIGINT while a step is still running exits at once with 130', async () => {
    const out = path.join(root, 'twice');

    // The elu cell's step never ends on its own (stall hook), so only the
    // second signal can end the process.
    const run = await rreluInterrupted(
      [...GRID, '--out', out],
      [
        { after: ELU_EPOCH_1, signal: 'SIGINT' },
        { after: /SIGINT: stopping after the current step/, signal: 'SIGINT' },
      ],
      { RRELU_TEST_STALL_LABEL: 'elu' },
    );

    expect(run.signalled).toBe(2);
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).not.toContain('results:'); // no graceful report
    const manifest = await json(path.join(out, 'manifest.json'));
    expect(manifest.status).toBe('interrupted');
    expect(manifest.endedAt).not.toBeNull();
    expect(statusByLabel(manifest)).toEqual({ relu: 'complete', elu: 'pending', lrelu: 'pending' });
    const files = await filesUnder(out);
    expect(files.filter((file) => file.startsWith('cells/') && file.endsWith('.json'))).toEqual([
      `cells/${manifest.cells[0].id}.json`,
    ]);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });
});
