import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it with apt when it is missing. */
export const CHROMIUM = process.env.PACK_TEST_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Bundles `entry` of a consumer project for the browser with esbuild,
 * resolving packages from that project's node_modules only.
 */
export async function bundleForBrowser(projectDir: string, entry: string): Promise<string> {
  const outfile = join(projectDir, 'bundle.js');
  await build({
    absWorkingDir: projectDir,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'error',
  });
  return outfile;
}

/**
 * Loads a bundle into a blank page of headless Chromium and waits for the
 * value it leaves in `globalThis.packTestResult`.
 */
export async function runInChromium(bundle: string): Promise<unknown> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does)`,
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--headless'],
  });
  try {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.setContent('<!doctype html><title>pack test</title>');
    await page.addScriptTag({ path: bundle });
    const handle = await page.waitForFunction(
      () => (globalThis as { packTestResult?: unknown }).packTestResult,
      undefined,
      { timeout: 30_000 },
    );
    const result: unknown = await handle.jsonValue();
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`);
    return result;
  } finally {
    await browser.close();
  }
}
