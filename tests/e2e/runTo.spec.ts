import { expect, test } from '../../testing/peaklab';
import { cliJson } from './helpers/cli';
import { chartLines } from './helpers/faultPanel';
import type { RunReport } from '../../sim/metrics/runReport';

const withoutWall = (report: RunReport) => JSON.stringify({ ...report, wallMs: 0 });

/**
 * The CLI's `--until t` makes t the run's duration, and two things follow a run's duration: the
 * series buckets (so the sampling events counted in `events`) and the lesson verdicts decided at
 * the end. Everything else is the same run to the same time, figure for figure.
 */
const sameRunFigures = (report: RunReport) =>
  JSON.stringify({ ...report, wallMs: 0, events: 0, series: null, lesson: null });

test('runTo stops on a fractional time, with the clock, charts and report of a run stepped there', async ({
  peaklab,
  page,
}) => {
  test.setTimeout(180_000);
  await peaklab.openLesson('retry-storm', { seed: 7 });
  await peaklab.runTo(37.25);
  expect(await peaklab.seconds()).toBe(37.25);
  await expect(peaklab.clock).toHaveText('t = 00:37.250');
  await expect(peaklab.status).toHaveAttribute('data-status', 'paused');
  const ranTo = await peaklab.report();
  expect(ranTo.simulatedSeconds).toBe(37.25);
  const charts = await chartLines(page, 'latency');

  // The same seed stepped second by second to 37 s, then the last quarter second.
  await peaklab.reset.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '0');
  for (let t = 1; t <= 37; t++) {
    await peaklab.stepSecond.click();
    await expect(peaklab.clock).toHaveAttribute('data-seconds', String(t));
  }
  await peaklab.runTo(37.25);
  expect(withoutWall(await peaklab.report())).toBe(withoutWall(ranTo));
  expect(await chartLines(page, 'latency')).toEqual(charts);

  // The CLI stopped at the same time ran the same run.
  const cli = JSON.parse(cliJson('retry-storm', 7, 37.25)) as RunReport;
  expect(cli.simulatedSeconds).toBe(37.25);
  expect(sameRunFigures(ranTo)).toBe(sameRunFigures(cli));

  // On to the end: byte for byte the CLI's whole run.
  await peaklab.runTo(300);
  await expect(peaklab.status).toHaveAttribute('data-status', 'finished');
  expect(withoutWall(await peaklab.report())).toBe(
    withoutWall(JSON.parse(cliJson('retry-storm', 7)) as RunReport),
  );
});

test('the "Run to" field: keyboard operable, a bad time shows the range, a long run shows progress and stops', async ({
  peaklab,
  page,
}) => {
  test.setTimeout(120_000);
  await peaklab.openLesson('timeouts', { seed: 3 });
  const field = page.getByRole('textbox', { name: 'Run to (s)' });
  const message = peaklab.runToError;

  // From the keyboard alone: focus the field, type, Enter.
  await field.focus();
  await page.keyboard.type('12.5');
  await page.keyboard.press('Enter');
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '12.5');
  await expect(field).toBeFocused();

  // Bad times stay in the field, marked invalid, with the allowed range; nothing runs.
  for (const [bad, got] of [
    ['200', '200'],
    ['12.5', '12.5'],
    ['3', '3'],
    ['soon', '"soon"'],
    ['', '""'],
  ] as const) {
    await field.fill(bad);
    await page.keyboard.press('Enter');
    await expect(message).toHaveText(
      `Run to: must be a number of seconds after now and no later than the end of the run (12.5 < t <= 150), got ${got}`,
    );
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue(bad);
    await expect(peaklab.clock).toHaveAttribute('data-seconds', '12.5');
  }
  await expect(peaklab.errorBanners).toHaveCount(0);
  // The testing surface says the same, as an error.
  await expect(peaklab.runTo(160)).rejects.toThrow('(12.5 < t <= 150), got 160');

  // Editing clears the message; Tab to the button and press it.
  await field.fill('20.125');
  await expect(message).toHaveCount(0);
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await page.keyboard.press('Tab');
  await expect(peaklab.runToButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '20.125');

  // A long run: the button turns into Stop, the progress bar and the field show how far it got,
  // and Stop leaves the run paused where it got to.
  await peaklab.openLesson('lunch-rush', { seed: 1 });
  await field.fill('10000');
  await peaklab.runToButton.click();
  await expect(peaklab.runToButton).toHaveText('Stop');
  await expect(peaklab.status).toHaveAttribute('data-status', 'playing');
  await expect(page.getByTestId('run-to-status')).toHaveText(/^to t = 10000 s: \d+%$/);
  await expect.poll(() => peaklab.seconds()).toBeGreaterThan(30);
  const progress = page.getByTestId('sim-progress');
  expect(Number(await progress.evaluate((p) => (p as HTMLProgressElement).value))).toBeGreaterThan(
    30,
  );
  await peaklab.runToButton.click();
  await expect(peaklab.status).toHaveAttribute('data-status', 'paused');
  await expect(peaklab.runToButton).toHaveText('Run');
  await expect(page.getByTestId('run-to-status')).toHaveText('');
  const stopped = await peaklab.seconds();
  expect(stopped).toBeLessThan(10_000);
  await page.waitForTimeout(300);
  expect(await peaklab.seconds()).toBe(stopped);
  await expect(peaklab.errorBanners).toHaveCount(0);
});
