import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppFixture, shot, startApp, waitForData } from './app-fixture.js';

describe('the built app in Chromium', () => {
  let app: AppFixture;

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('trains two configurations, predicts a drawn digit and exports JSON', async () => {
    const page = await app.open('#/train');

    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    await waitForData(page);
    expect(await page.getByTestId('backend').textContent()).toContain('threaded SIMD');

    await page.fill('input[name="trainSize"]', '600');
    await page.fill('input[name="epochs"]', '1');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect
      .poll(() => page.locator('[data-testid="run-progress"][data-status="done"]').count(), {
        timeout: 180_000,
      })
      .toBe(2);
    const accuracies = await page.getByTestId('test-accuracy').allTextContents();
    expect(accuracies).toHaveLength(2);
    for (const text of accuracies) expect(text).toMatch(/^\d+\.\d\d %$/);
    expect(await page.locator('[data-testid="charts"] canvas').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'train');

    await page.goto(`${app.server.url}#/draw`);
    await expect
      .poll(() => page.getByTestId('probability-row').count(), { timeout: 30_000 })
      .toBe(2);
    const pad = await page.getByTestId('digit-pad').boundingBox();
    if (pad === null) throw new Error('the drawing pad is not visible');
    // A "7": a bar across the top, then a diagonal down to the bottom left.
    await page.mouse.move(pad.x + pad.width * 0.25, pad.y + pad.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(pad.x + pad.width * 0.75, pad.y + pad.height * 0.2, { steps: 8 });
    await page.mouse.move(pad.x + pad.width * 0.4, pad.y + pad.height * 0.85, { steps: 12 });
    await page.mouse.up();
    await expect
      .poll(
        async () =>
          (await page.getByTestId('probability').allTextContents()).filter((t) => t !== '—').length,
        {
          timeout: 30_000,
        },
      )
      .toBe(20);
    const cells = await page.getByTestId('probability').allTextContents();
    const firstRow = cells.slice(0, 10).map(Number);
    expect(firstRow.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    await shot(page, 'draw');

    await page.goto(`${app.server.url}#/results`);
    await expect
      .poll(() => page.locator('[data-testid="figure"] svg').count(), { timeout: 60_000 })
      .toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-json').click(),
    ]);
    const saved = await download.path();
    const summary = JSON.parse(await readFile(saved, 'utf8'));
    expect(Object.keys(summary)).toEqual(['meta', 'rows', 'summary']);
    expect(summary.rows).toHaveLength(2);
    expect(summary.rows.map((r: { activation: string }) => r.activation)).toEqual([
      'relu',
      'rrelu-paper',
    ]);
    await shot(page, 'results');

    await page.goto(`${app.server.url}#/explorer`);
    await expect.poll(() => page.getByTestId('convention').count(), { timeout: 60_000 }).toBe(3);
    await shot(page, 'explorer');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.server.url}#/train`);
    await shot(page, 'phone-train');
  });

  it('reports a wrong wasm path with its URL and the HTML bytes, without hanging', async () => {
    const page = await app.open('?wasmBase=/missing/#/train');
    const failure = page.getByTestId('failure');
    await expect.poll(() => failure.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const text = (await failure.first().textContent()) ?? '';
    expect(text).toContain(`${app.server.url}missing/tfjs-backend-wasm`);
    expect(text).toContain('3c 21 44 4f instead of 00 61 73 6d');
    await shot(page, 'wasm-error');
  });

  it('refuses an unknown ?wasmBuild= value, naming the choices', async () => {
    const page = await app.open('?wasmBuild=gpu#/train');
    const failure = page.getByTestId('failure');
    await expect.poll(() => failure.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await failure.first().textContent()).toContain(
      'wasmBuild must be one of auto, simd, got "gpu"',
    );
  });
});
