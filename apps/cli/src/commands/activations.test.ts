import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ACTIVATION_NAMES, listActivations } from '@rrelu/activations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ActivationsOutput,
  activationsCommand,
  activationsFigureSpec,
  formatActivationsTable,
  runActivations,
} from './activations.js';

/** Captures what the command writes. */
function capture(): ActivationsOutput & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (text: string) => out.push(text), isTTY: false },
    stderr: { write: (text: string) => err.push(text) },
  };
}

/** The text content of every <text> element of an SVG. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? '');
}

describe('rrelu activations', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'rrelu-activations-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('prints a table naming every registry activation with its options and defaults', async () => {
    const io = capture();
    expect(await runActivations({}, io)).toBe(0);
    const table = io.out.join('');
    for (const name of ACTIVATION_NAMES) expect(table).toMatch(new RegExp(`│ ${name}\\s`));
    expect(table).toContain('approximate = none (none | tanh)');
    expect(table).toContain('preset = paper (paper | torch | blog)');
    expect(table).toContain('beta = 1');
    expect(table).not.toContain('\u001b['); // no colour codes when stdout is not a terminal
    expect(io.err).toEqual([]);
  });

  it('prints the registry as JSON with --json', async () => {
    const io = capture();
    await runActivations({ json: true }, io);
    expect(JSON.parse(io.out.join(''))).toEqual(JSON.parse(JSON.stringify(listActivations())));
  });

  it('draws an SVG with one facet per activation, each named', async () => {
    const file = path.join(folder, 'activations.svg');
    const io = capture();
    expect(await runActivations({ plot: file }, io)).toBe(0);
    const svg = await readFile(file, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    const texts = svgTexts(svg);
    for (const name of ACTIVATION_NAMES) expect(texts).toContain(name);
    expect(texts).toEqual(expect.arrayContaining(['y', 'dy/dx']));
    expect(io.err).toEqual([`figure: ${file}\n`]); // no Vega warnings
  });

  it('writes a PNG when the file name ends in .png', async () => {
    const file = path.join(folder, 'nested', 'activations.png');
    await runActivations({ plot: file }, capture());
    const bytes = await readFile(file);
    // PNG signature (PNG spec 5.2): 89 50 4E 47 0D 0A 1A 0A.
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('shades only RReLU and marks the gradient at 0 where dy/dx jumps', () => {
    const spec = activationsFigureSpec();
    const rows = 'values' in spec.data! ? (spec.data.values as Array<Record<string, unknown>>) : [];
    const bands = new Set(rows.filter((r) => r.kind === 'band').map((r) => r.activation));
    expect([...bands]).toEqual(['rrelu']);
    const dots = rows.filter((r) => r.kind === 'zero').map((r) => [r.activation, r.value]);
    // Piecewise-linear units and SELU jump at 0 and take the negative side there;
    // ELU with α = 1 and the smooth ones do not jump.
    expect(dots.map(([name]) => name)).toEqual([
      'relu',
      'lrelu',
      'vlrelu',
      'prelu',
      'rrelu',
      'selu',
    ]);
    expect(dots[0]?.[1]).toBe(0);
  });

  it('refuses a --plot file that is neither .svg nor .png, naming it', async () => {
    const command = activationsCommand()
      .exitOverride()
      .configureOutput({ writeErr: () => {} });
    await expect(command.parseAsync(['--plot', 'figure.pdf'], { from: 'user' })).rejects.toThrow(
      /--plot must name an .svg or .png file, got "figure.pdf"/,
    );
  });

  it('keeps the table within 100 columns, paper names included', () => {
    const text = formatActivationsTable(listActivations(), { color: false });
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
    expect(text).toContain('Klambauer et al. 2017');
  });
});
