import { collectPageErrors, expect, test } from '../../testing/peaklab';

/**
 * A traced order placement shows the order flow's calls as calls of its visit to the order
 * service: the key check, the persist and, with sync creation, the saga's steps, each queued and
 * in service at the station it called. The top-level bars still add up to the latency.
 */
test('an order trace shows the key check, the persist and the saga steps as nested calls', async ({
  peaklab,
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const errors = collectPageErrors(page);
  await peaklab.open('?preset=idempotency&seed=1');
  // A panel's first poll can fail before the run is loaded and pause it (see traces.spec.ts).
  await page.waitForTimeout(3000);
  for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) {
    await dismiss.click();
  }
  await peaklab.runToEnd(120_000);

  await page.getByLabel('Open a trace near t =').fill('30');
  await page.getByLabel('Open a trace near t =').press('Enter');
  const view = page.getByTestId('trace-view');
  await expect(view).toBeVisible();
  const waterfall = page.getByTestId('trace-waterfall');
  await expect(waterfall).toContainText('key check → orders-master');

  const rows = await view.evaluate((node) =>
    [...node.querySelectorAll('[data-testid="waterfall-hop"]')].map((n) => ({
      depth: Number(n.getAttribute('data-depth')),
      seconds: Number(n.getAttribute('data-queued')) + Number(n.getAttribute('data-service')),
    })),
  );
  // Seed 1's request near t = 30 s went through at its first attempt: the whole saga shows.
  expect(rows.map((r) => r.depth)).toEqual([0, 1, 1, 1, 1, 1]);
  expect((await waterfall.textContent()) ?? '').toMatch(
    /order-api.*key check → orders-master.*persist order → orders-master.*reserve rider → rider.*capture payment → payment.*notify merchant → merchant/,
  );
  const latency = Number(
    await view.locator('[data-testid="trace-latency"]').getAttribute('data-seconds'),
  );
  const backoffs = await view.evaluate((node) =>
    [...node.querySelectorAll('[data-testid="waterfall-backoff"]')].reduce(
      (s, n) => s + Number(n.getAttribute('data-seconds')),
      0,
    ),
  );
  const top = rows.filter((r) => r.depth === 0).reduce((s, r) => s + r.seconds, 0);
  expect(Math.abs(top + backoffs - latency)).toBeLessThan(1e-9 * Math.max(1, latency));
  await view.screenshot({ path: testInfo.outputPath('order-trace.png') });
  expect(errors).toEqual([]);
});
