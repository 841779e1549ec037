import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppFixture,
  fillTrainForm,
  runStatuses,
  shot,
  startApp,
  waitForData,
} from './app-fixture.js';

/** Tab presses allowed to reach Start from the top of the page (links, boxes, fields). */
const MAX_TABS = 60;

describe('the train page controls (cross-origin isolated)', () => {
  let app: AppFixture;

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('starts a run from the keyboard: Tab to Start, then Enter', async () => {
    const page = await app.open('#/train');
    await waitForData(page);
    await fillTrainForm(page, {
      activations: ['relu'],
      seeds: '1',
      epochs: 1,
      validationSize: 100,
      trainSize: 120,
      testSize: 100,
    });
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    });

    let tabs = 0;
    while (!(await startHasFocus(page))) {
      expect(tabs, 'Tab presses before Start had the focus').toBeLessThan(MAX_TABS);
      await page.keyboard.press('Tab');
      tabs++;
    }
    await page.keyboard.press('Enter');

    await expect.poll(() => runStatuses(page), { timeout: 120_000 }).toEqual(['done']);
    expect(await page.getByTestId('test-accuracy').textContent()).toMatch(/^\d+\.\d\d %$/);
  });

  it('pauses, resumes and cancels a queue: steps stop, go on, and both runs end cancelled', async () => {
    const page = await app.open('#/train');
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    await waitForData(page);
    // Two runs of 917 steps each: far longer than the test waits for either.
    await fillTrainForm(page, {
      activations: ['relu', 'rrelu-paper'],
      seeds: '1',
      epochs: 1,
      validationSize: 5000,
      trainSize: 55_000,
      testSize: 10_000,
    });
    const pause = page.getByRole('button', { name: 'Pause' });
    const resume = page.getByRole('button', { name: 'Resume' });
    const cancel = page.getByRole('button', { name: 'Cancel' });
    expect(await pause.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => firstRunStep(page), { timeout: 60_000 }).toBeGreaterThan(0);

    await pause.click();
    await expect.poll(() => resume.count()).toBe(1);
    expect(await page.locator('.progress-list h3').textContent()).toContain('(paused)');
    // Steps already posted before the worker blocked may still arrive; then nothing moves.
    await page.waitForTimeout(1000);
    const pausedAt = await firstRunStep(page);
    await page.waitForTimeout(2000);
    expect(await firstRunStep(page)).toBe(pausedAt);
    await shot(page, 'train-paused');

    await resume.click();
    await expect.poll(() => pause.count()).toBe(1);
    await expect.poll(() => firstRunStep(page), { timeout: 60_000 }).toBeGreaterThan(pausedAt);

    await cancel.click();
    await expect
      .poll(() => runStatuses(page), { timeout: 60_000 })
      .toEqual(['cancelled', 'cancelled']);
    expect(await page.getByRole('button', { name: 'Start' }).isEnabled()).toBe(true);
    expect(await cancel.isDisabled()).toBe(true);
    const stoppedAt = await firstRunStep(page);
    expect(stoppedAt).toBeLessThan(917);
    // No epoch finished, so the results table has none to show.
    expect(await page.getByTestId('test-accuracy').allTextContents()).toEqual(['—', '—']);
  });
});

async function startHasFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    return focused instanceof HTMLButtonElement && focused.textContent?.trim() === 'Start';
  });
}

async function firstRunStep(page: Page): Promise<number> {
  return Number(await page.getByTestId('run-progress').first().getAttribute('data-step'));
}
