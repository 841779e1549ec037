import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rrelu, rreluInterrupted, SMALL } from '../test-utils/cli.js';

describe('checks made before any work', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rrelu-checks-'));
    const saved = await rrelu([
      'train',
      ...SMALL,
      '--epochs',
      '1',
      '--save',
      path.join(dir, 'model'),
    ]);
    expect(saved.code, saved.stderr).toBe(0);
  }, 120_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('predict refuses a PNG declaring 30000×30000 from its header, without decoding it', async () => {
    // PNG signature, then an IHDR chunk: length 13, "IHDR", width and height big-endian.
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
    header.writeUInt32BE(13, 8);
    header.write('IHDR', 12, 'ascii');
    header.writeUInt32BE(30000, 16);
    header.writeUInt32BE(30000, 20);
    const image = path.join(dir, 'huge.png');
    await writeFile(image, header);

    const result = await rrelu(['predict', path.join(dir, 'model'), image]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('image is 30000×30000, expected 28×28');
  });

  it('train --save into a path below a file exits 2 before training', async () => {
    const file = path.join(dir, 'a-file');
    await writeFile(file, 'not a folder');
    const result = await rrelu(['train', ...SMALL, '--save', path.join(file, 'model')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--save .*a-file\/model: cannot write there/);
    expect(result.stderr).not.toContain('epoch 1');
  });

  it('train stops at Ctrl-C after its first epoch instead of running to the end (exit 130)', async () => {
    const result = await rreluInterrupted(
      ['train', ...SMALL, '--epochs', '50'],
      [{ after: /epoch 1\/50/, signal: 'SIGINT' }],
    );
    expect(result.signalled).toBe(1);
    expect(result.code).toBe(130);
    expect(result.stderr).not.toContain('epoch 50/50');
  });
});

describe('flag values the loader or the network cannot take', () => {
  it('exits 2 naming --train-size when it exceeds the training file', async () => {
    const result = await rrelu([
      'compare',
      '--train-size',
      '99999999',
      '--activations',
      'relu',
      '--bn',
      'off',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--train-size');
    expect(result.stderr).not.toContain('trainSize');
  });

  it('exits 2 for a hidden layer over 65,536 units and for an empty --out', async () => {
    const hidden = await rrelu(['compare', '--hidden', '100000000']);
    expect(hidden.code).toBe(2);
    expect(hidden.stderr).toContain(
      '--hidden must be comma-separated whole numbers from 1 to 65536',
    );
    const out = await rrelu(['compare', '--out', '']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--out must name a folder');
  });
});

describe('train with a configuration file describing a grid', () => {
  it('exits 2 instead of silently training one cell of it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rrelu-train-config-'));
    try {
      const both = path.join(dir, 'both.json');
      await writeFile(both, JSON.stringify({ bn: 'both' }));
      const bn = await rrelu(['train', '--config', both]);
      expect(bn.code).toBe(2);
      expect(bn.stderr).toContain('bn: train runs one configuration, so off or on; got "both"');

      const many = path.join(dir, 'many.json');
      await writeFile(many, JSON.stringify({ activations: ['elu', 'relu'], bn: 'off' }));
      const activations = await rrelu(['train', '--config', many]);
      expect(activations.code).toBe(2);
      expect(activations.stderr).toContain('got activations elu, relu');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
