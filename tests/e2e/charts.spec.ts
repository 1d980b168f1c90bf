import type { Locator, Page } from '@playwright/test';
import { collectPageErrors, expect, test } from '../../testing/peaklab';

/** The charts each preset shows beyond the ones every run has. */
const CHARTS_OF: Record<string, string[]> = {
  'read-write-split': ['replication-lag', 'stale-reads'],
  'circuit-breaker': ['breaker-level', 'breaker-state'],
  compensation: ['order-states', 'order-outcomes'],
  timeouts: ['thread-pool'],
};
/** Charts of components each preset does not have: they must stay away. */
const ABSENT: Record<string, string[]> = {
  'read-write-split': ['breaker-level', 'breaker-state', 'order-states', 'order-outcomes'],
  'circuit-breaker': ['replication-lag', 'stale-reads', 'order-states', 'order-outcomes'],
  // Its orders live in a replicated database, so it has a replication chart too.
  compensation: ['breaker-level', 'breaker-state'],
  timeouts: ['replication-lag', 'breaker-level', 'order-states'],
};

const plot = (page: Page, chart: string) => page.getByTestId(`chart-${chart}-plot`);

/** The drawn line of a chart, as d3 wrote it: non-empty once buckets arrived. */
async function pathLength(chart: Locator): Promise<number> {
  const paths = await chart
    .locator('g.lines path')
    .evaluateAll((nodes) => nodes.map((n) => (n.getAttribute('d') ?? '').length));
  return Math.max(0, ...paths);
}

for (const [preset, charts] of Object.entries(CHARTS_OF)) {
  test(`${preset}: shows its charts with live data`, async ({ peaklab, page }, testInfo) => {
    test.setTimeout(90_000);
    const errors = collectPageErrors(page);
    await peaklab.open(`?preset=${preset}&seed=1`);
    await peaklab.runToEnd();
    for (const chart of charts) {
      await expect(page.getByTestId(`chart-${chart}`)).toBeVisible();
      await expect
        .poll(() => pathLength(plot(page, chart)), { message: chart })
        .toBeGreaterThan(20);
    }
    const panel = page.getByRole('region', { name: 'Over time' });
    await panel.screenshot({ path: testInfo.outputPath(`${preset}-charts.png`) });
    // Charts of components the scenario does not have stay away.
    for (const chart of ABSENT[preset]!) {
      await expect(page.getByTestId(`chart-${chart}`)).toHaveCount(0);
    }
    expect(errors).toEqual([]);
  });
}

test('brushing a range zooms every chart; Reset zoom and Escape restore the whole run', async ({
  peaklab,
  page,
}) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await peaklab.open('?preset=circuit-breaker&seed=1');
  await peaklab.runToEnd();
  const plots = page.locator('[data-testid^="chart-"][data-testid$="-plot"]');
  const domains = () =>
    plots.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-domain')));
  const count = await plots.count();
  expect(count).toBeGreaterThanOrEqual(8);
  await expect.poll(domains).toEqual(new Array(count).fill('0,150'));

  // Drag across the middle of the throughput chart: from 30% to 60% of the plot's width.
  const overlay = plot(page, 'throughput').locator('.brush .overlay');
  await overlay.scrollIntoViewIfNeeded();
  const box = (await overlay.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
  await page.mouse.up();

  await expect.poll(async () => new Set(await domains()).size).toBe(1);
  const [zoomed] = await domains();
  const [from, to] = zoomed!.split(',').map(Number);
  expect(from).toBeGreaterThan(150 * 0.3 - 3);
  expect(from).toBeLessThan(150 * 0.3 + 3);
  expect(to).toBeGreaterThan(150 * 0.6 - 3);
  expect(to).toBeLessThan(150 * 0.6 + 3);
  await expect(page.getByTestId('zoom-status')).toContainText('Showing');
  await expect(page.getByTestId('zoom-from')).toHaveValue(String(Number(from!.toFixed(3))));
  // The breaker chart zoomed too, and still has its line.
  expect(await pathLength(plot(page, 'breaker-state'))).toBeGreaterThan(20);

  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect.poll(domains).toEqual(new Array(count).fill('0,150'));

  // Without a mouse: type the range, press Enter; Escape goes back to the whole run.
  await page.getByLabel('From (s)', { exact: true }).fill('40');
  await page.getByLabel('To (s)', { exact: true }).fill('80');
  await page.getByLabel('To (s)', { exact: true }).press('Enter');
  await expect.poll(domains).toEqual(new Array(count).fill('40,80'));
  await page.keyboard.press('Escape');
  await expect.poll(domains).toEqual(new Array(count).fill('0,150'));

  // A bad range is refused with a message naming the field and its range; nothing zooms.
  await page.getByLabel('From (s)', { exact: true }).fill('90');
  await page.getByLabel('To (s)', { exact: true }).fill('60');
  await page.getByTestId('zoom-apply').click();
  await expect(page.getByTestId('zoom-error')).toHaveText(
    'To must be a number of seconds greater than From and at most 150.',
  );
  await expect.poll(domains).toEqual(new Array(count).fill('0,150'));
  expect(errors).toEqual([]);
});

test('read-write-split: the replication-lag chart draws one line per replica, named in its legend', async ({
  peaklab,
  page,
}) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await peaklab.open('?preset=read-write-split&seed=1');
  await peaklab.runToEnd();
  const replicas = ['replica-1', 'replica-2', 'replica-3', 'replica-4', 'replica-5'];
  const chart = page.getByTestId('chart-replication-lag');
  const lines = plot(page, 'replication-lag').locator('g.lines path');
  await expect(lines).toHaveCount(1 + replicas.length);
  await expect
    .poll(() => lines.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-line'))))
    .toEqual(['orders', ...replicas.map((r) => `orders:${r}`)]);
  // Every line is drawn, and the replicas' differ by dash, not by colour alone.
  for (const key of replicas) {
    const path = plot(page, 'replication-lag').locator(`path[data-line="orders:${key}"]`);
    await expect
      .poll(async () => ((await path.getAttribute('d')) ?? '').length)
      .toBeGreaterThan(20);
  }
  const dashes = await lines.evaluateAll((nodes) =>
    nodes.map((n) => n.getAttribute('stroke-dasharray')),
  );
  expect(dashes[0]).toBeNull();
  expect(new Set(dashes.slice(1)).size).toBe(replicas.length);
  await expect(chart.getByRole('list', { name: /legend/ }).getByRole('listitem')).toHaveText([
    'orders mean',
    ...replicas,
  ]);
  expect(errors).toEqual([]);
});
