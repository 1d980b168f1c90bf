import { collectPageErrors, expect, test } from '../../testing/peaklab';

test('step one second advances the simulated clock by exactly one second', async ({
  peaklab,
  page,
}) => {
  const errors = collectPageErrors(page);
  await peaklab.openLesson('mm1', { seed: 3 });
  expect(await peaklab.seconds()).toBe(0);

  await peaklab.stepSecond.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '1');
  await expect(peaklab.clock).toHaveText('t = 00:01.000');
  await peaklab.stepSecond.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '2');

  // The right arrow does the same from anywhere but a form field.
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('ArrowRight');
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '3');

  // One event moves the clock to that event's time, somewhere after 3 s.
  await peaklab.stepEvent.click();
  await expect.poll(() => peaklab.seconds()).toBeGreaterThan(3);
  const afterEvent = await peaklab.seconds();
  await peaklab.stepSecond.click();
  await expect.poll(() => peaklab.seconds()).not.toBe(afterEvent);
  expect(await peaklab.seconds()).toBeCloseTo(afterEvent + 1, 9);
  await expect(peaklab.status).toHaveAttribute('data-status', 'paused');
  expect(errors).toEqual([]);
});

test('play and pause: the clock runs, stops, and a step after a pause is one second', async ({
  peaklab,
  page,
}) => {
  await peaklab.openLesson('mm8');
  await peaklab.setSpeed('100x');
  await peaklab.play();
  await peaklab.waitForStatus('playing');
  await expect.poll(() => peaklab.seconds()).toBeGreaterThan(20);
  await peaklab.pause();
  const paused = await peaklab.seconds();
  // Paused means paused: nothing moves while we wait.
  await page.waitForTimeout(300);
  expect(await peaklab.seconds()).toBe(paused);

  await peaklab.stepSecond.click();
  await expect.poll(() => peaklab.seconds()).not.toBe(paused);
  expect(await peaklab.seconds()).toBeCloseTo(paused + 1, 9);

  // Space toggles play from the page body.
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('Space');
  await peaklab.waitForStatus('playing');
  await page.keyboard.press('Space');
  await peaklab.waitForStatus('paused');

  await peaklab.reset.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '0');
  await expect(peaklab.stationCell('pool', 'arrivals')).toHaveText('0');
});
