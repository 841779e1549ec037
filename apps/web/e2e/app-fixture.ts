import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { type StaticServer, startStaticServer } from '../server/static-server.js';
import { launchBrowser } from './browser.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** The built app behind the preview server, and a fresh Chromium profile to open it in. */
export interface AppFixture {
  server: StaticServer;
  /** Opens `path` (relative to the server, e.g. `?wasmBuild=simd#/train`) in a new tab. */
  open(path: string): Promise<Page>;
  /** Console errors and warnings and uncaught page errors seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** Serves `dist/` with the isolation headers and launches Debian's Chromium. */
export async function startApp(): Promise<AppFixture> {
  if (!existsSync(`${dist}index.html`)) throw new Error(`no build in ${dist}: run pnpm build`);
  const server = await startStaticServer({ root: dist });
  const browser = await launchBrowser();
  const problems: string[] = [];

  return {
    server,
    problems,
    async open(path) {
      const page = await browser.context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') {
          problems.push(`${m.type()}: ${m.text()}`);
        }
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      await page.goto(`${server.url}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      if (problems.length > 0) process.stderr.write(`browser console:\n${problems.join('\n')}\n`);
    },
  };
}

/** Full-page screenshot to `/tmp/web-<name>.png`. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/web-${name}.png`, fullPage: true });
}

/** Waits until the train page's worker has its backend and the MNIST files. */
export async function waitForData(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('backend').textContent(), { timeout: 60_000 })
    .toContain('SIMD');
  await expect
    .poll(() => page.getByTestId('data-status').textContent(), { timeout: 90_000 })
    .toContain('MNIST loaded');
}

/** The split and run settings of the train form, typed into its fields. */
export interface TrainFormValues {
  activations: readonly string[];
  seeds: string;
  epochs: number;
  validationSize: number;
  trainSize: number;
  testSize: number;
}

/** Fills the train form (batch norm stays off, the default) without starting. */
export async function fillTrainForm(page: Page, values: TrainFormValues): Promise<void> {
  // The activation boxes come from the tensor worker's registry.
  await expect.poll(() => page.locator('input[name="activation"]').count()).toBeGreaterThan(0);
  for (const box of await page.locator('input[name="activation"]').all()) {
    const wanted = values.activations.includes((await box.getAttribute('value')) ?? '');
    await box.setChecked(wanted);
  }
  await page.fill('input[name="seeds"]', values.seeds);
  await page.fill('input[name="epochs"]', String(values.epochs));
  await page.fill('input[name="validationSize"]', String(values.validationSize));
  await page.fill('input[name="trainSize"]', String(values.trainSize));
  await page.fill('input[name="testSize"]', String(values.testSize));
}

/** The status of every run in the progress list, in queue order. */
export function runStatuses(page: Page): Promise<(string | null)[]> {
  return page
    .getByTestId('run-progress')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-status')));
}
