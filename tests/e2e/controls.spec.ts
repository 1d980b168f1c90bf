import { expect, test } from '@playwright/test';
import { collectPageErrors, PeakLab } from './helpers/peakLab';

test('step one second advances the simulated clock by exactly one second', async ({ page }) => {
  const errors = collectPageErrors(page);
  const ui = new PeakLab(page);
  await ui.open('?preset=mm1&seed=3');
  expect(await ui.seconds()).toBe(0);

  await ui.stepSecond.click();
  await expect(ui.clock).toHaveAttribute('data-seconds', '1');
  await expect(ui.clock).toHaveText('t = 00:01.000');
  await ui.stepSecond.click();
  await expect(ui.clock).toHaveAttribute('data-seconds', '2');

  // The right arrow does the same from anywhere but a form field.
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('ArrowRight');
  await expect(ui.clock).toHaveAttribute('data-seconds', '3');

  // One event moves the clock to that event's time, somewhere after 3 s.
  await ui.stepEvent.click();
  await expect.poll(() => ui.seconds()).toBeGreaterThan(3);
  const afterEvent = await ui.seconds();
  await ui.stepSecond.click();
  await expect.poll(() => ui.seconds()).not.toBe(afterEvent);
  expect(await ui.seconds()).toBeCloseTo(afterEvent + 1, 9);
  await expect(ui.status).toHaveAttribute('data-status', 'paused');
  expect(errors).toEqual([]);
});

test('play and pause: the clock runs, stops, and a step after a pause is one second', async ({
  page,
}) => {
  const ui = new PeakLab(page);
  await ui.open('?preset=mm8');
  await ui.setSpeed('100x');
  await ui.play();
  await ui.waitForStatus('playing');
  await expect.poll(() => ui.seconds()).toBeGreaterThan(20);
  await ui.pause();
  const paused = await ui.seconds();
  // Paused means paused: nothing moves while we wait.
  await page.waitForTimeout(300);
  expect(await ui.seconds()).toBe(paused);

  await ui.stepSecond.click();
  await expect.poll(() => ui.seconds()).not.toBe(paused);
  expect(await ui.seconds()).toBeCloseTo(paused + 1, 9);

  // Space toggles play from the page body.
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('Space');
  await ui.waitForStatus('playing');
  await page.keyboard.press('Space');
  await ui.waitForStatus('paused');

  await ui.reset.click();
  await expect(ui.clock).toHaveAttribute('data-seconds', '0');
  await expect(ui.stationCell('pool', 'arrivals')).toHaveText('0');
});
