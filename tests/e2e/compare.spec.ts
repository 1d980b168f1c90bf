import type { Page } from '@playwright/test';
import { collectPageErrors, expect, test } from '../../testing/peaklab';

const numberOf = async (page: Page, testId: string, attribute: string) =>
  Number(await page.getByTestId(testId).getAttribute(attribute));

test('A/B on the same seed: identical offered traffic, less goodput with fewer servers', async ({
  peaklab,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await peaklab.openLesson('mm8', { seed: 4 });

  await page.getByTestId('compare-change-0-knob').selectOption('stations[0].servers');
  await page.getByTestId('compare-change-0-value').fill('7');
  await page.getByTestId('compare-until').fill('5000');
  await page.getByRole('button', { name: 'Run A and B' }).click();

  const offered = page.getByTestId('compare-offered');
  await expect(offered).toHaveText(/^offered: identical/, { timeout: 60_000 });
  await expect(offered).toHaveAttribute('data-identical', 'true');
  const a = (figure: string) => numberOf(page, `compare-source-arrivals-${figure}`, 'data-a');
  const b = (figure: string) => numberOf(page, `compare-source-arrivals-${figure}`, 'data-b');
  expect(await a('offered')).toBe(await b('offered'));
  // 4,000 s after the 1,000 s warm-up at 7.2/s.
  expect(await a('offered')).toBeGreaterThan(25_000);
  // 7.2 requests/s on 7 servers of 1 s each: B cannot keep up, A (8 servers) can.
  expect(await b('goodput')).toBeLessThan(7.05);
  expect(await a('goodput')).toBeGreaterThan(7.1);
  await expect(page.getByTestId('compare-station-pool-utilization')).toBeVisible();
  // Both charts draw both variants, B dashed.
  for (const chart of ['compare-goodput', 'compare-p99']) {
    const lines = page.getByTestId(`chart-${chart}`).locator('path[data-variant]');
    await expect(lines).toHaveCount(2);
    await expect(lines.nth(1)).toHaveAttribute('stroke-dasharray', /\d/);
  }
  await peaklab.keepScreenshot(testInfo, 'compare-mm8');
  expect(errors).toEqual([]);
});

test('a refused B value is shown beside its field with the allowed range', async ({
  peaklab,
  page,
}) => {
  await peaklab.openLesson('mm8');
  await page.getByTestId('compare-change-0-value').fill('0');
  await page.getByRole('button', { name: 'Run A and B' }).click();
  await expect(page.getByTestId('compare-change-0-value-error')).toContainText(
    'stations[0].servers: must be an integer from 1',
  );
});

test('replications over 3 seeds show each figure with its 95% interval and the theory', async ({
  peaklab,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await peaklab.openLesson('mm8', { seed: 1 });
  const runs = page.getByLabel('Runs (seeds)');
  await runs.fill('1');
  await page.getByRole('button', { name: 'Run N seeds' }).click();
  await expect(page.getByTestId('replication-runs-error')).toHaveText(
    'Runs: must be an integer from 2 to 50, got "1"',
  );

  await runs.fill('3');
  await page.getByLabel('Each to t = (s)').fill('20000');
  await page.getByRole('button', { name: 'Run N seeds' }).click();
  const table = page.getByTestId('replication-figures');
  await expect(table).toContainText('3 runs, seeds 1 to 3', { timeout: 90_000 });
  const row = page.getByTestId('replication-station-pool-meanLatency');
  const mean = Number(await row.getAttribute('data-mean'));
  const halfWidth = Number(await row.getAttribute('data-half-width'));
  const theory = Number(await row.getAttribute('data-theory'));
  expect(halfWidth).toBeGreaterThan(0);
  // Erlang C: W = 0.877 + 1 = 1.877 s for M/M/8 at 7.2/s (the preset's text).
  expect(theory).toBeCloseTo(1.877, 3);
  expect(Math.abs(mean - theory)).toBeLessThan(0.25);
  await expect(row.locator('[data-col="halfWidth"]')).toHaveText(/^±\d/);
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('replications.png') });
});

test('the station table shows the M/M/8 theory beside the simulated mean time in system', async ({
  peaklab,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await peaklab.openLesson('mm8', { seed: 1 });
  const cell = peaklab.stationCell('pool', 'theory');
  await expect(cell).toHaveAttribute('title', /Erlang C/);
  await peaklab.runToEnd();
  const text = await cell.innerText();
  const match = /^M\/M\/8 W ([\d.]+) s \(sim ([\d.]+) s\)$/.exec(text);
  expect(match, text).not.toBeNull();
  const [predicted, simulated] = [Number(match![1]), Number(match![2])];
  expect(predicted).toBeCloseTo(1.877, 3);
  // 100,000 s at 90% load: within 5% (the relaxation time is about 40 s).
  expect(Math.abs(simulated - predicted) / predicted).toBeLessThan(0.05);
  await page.screenshot({ path: testInfo.outputPath('theory-column.png') });
});
