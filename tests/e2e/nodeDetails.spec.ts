import { collectPageErrors, expect, test } from '../../testing/peaklab';
import { ParamPanelUi } from './helpers/paramPanel';

test('clicking a node opens its details with its settings, breaker thresholds included', async ({
  peaklab,
  page,
}, testInfo) => {
  const errors = collectPageErrors(page);
  const params = new ParamPanelUi(page);
  await peaklab.open('?preset=circuit-breaker&seed=2');
  await expect(params.details).toHaveCount(0);

  await params.node('station', 'api').click();
  const details = params.details;
  await expect(details).toBeVisible();
  await expect(details.getByRole('heading', { level: 3 })).toHaveText('Station api');
  const text = () => details.innerText();
  expect(await text()).toMatch(/Servers\s+60/);
  expect(await text()).toMatch(/Queue capacity\s+3000/);
  expect(await text()).toMatch(/Timeout policy\s+keepWorking/);
  expect(await text()).toContain('call recommendations: timeout 1 s; on failure: fallback');
  // The thresholds the scenario sets and the Resilience4j defaults it leaves out.
  expect(await text()).toContain(
    'opens at 50% failures or 50% slower than 500 ms, over the last 20 calls (at least 10 calls); open for 5 s, then 10 trial calls half-open',
  );
  await expect(params.node('station', 'api')).toHaveAttribute('aria-expanded', 'true');

  // Live figures follow the run.
  for (let i = 0; i < 2; i++) await peaklab.stepSecond.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '2');
  await expect(details.getByTestId('node-figure-arrivals')).toHaveText(
    await peaklab.stationCell('api', 'arrivals').innerText(),
  );
  await expect(details.getByTestId('node-figure-busy')).toHaveText(/^\d+ of 60$/);
  await peaklab.keepScreenshot(testInfo, 'node-details');

  // Escape closes it.
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);

  // From the keyboard: focus a box, Enter opens, Escape closes and gives the focus back.
  const dependency = params.node('station', 'recommendations');
  await dependency.focus();
  await page.keyboard.press('Enter');
  await expect(details.getByRole('heading', { level: 3 })).toHaveText('Station recommendations');
  expect(await text()).toContain('lognormal, mean 20 ms, p99 80 ms');
  expect(await text()).toMatch(/t = 30 s\s+slowdown, factor 60, duration 60/);
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(dependency).toBeFocused();

  // A source shows its client.
  await params.node('source', 'orders').click();
  await expect(details.getByRole('heading', { level: 3 })).toHaveText('Source orders');
  expect(await text()).toMatch(/Client timeout\s+\d/);
  await details.getByRole('button', { name: /Close/ }).click();
  await expect(details).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a replica shows its own replication lag, in its box and in its details', async ({
  peaklab,
  page,
}) => {
  const errors = collectPageErrors(page);
  const params = new ParamPanelUi(page);
  await peaklab.open('?preset=read-write-split&seed=1');
  for (let i = 0; i < 2; i++) await peaklab.stepSecond.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '2');

  // The box: its lag now, under its pool; the master, which replicates nothing, has none.
  const replica = params.node('station', 'replica-2');
  await expect(replica.locator('.topology-queue')).toHaveText(/^busy \d+ of \d+ · queue \d+$/);
  await expect(replica.locator('.topology-lag')).toHaveText(/^replication lag [\d.]+ (µs|ms)$/);
  await expect(replica).toHaveAttribute('aria-label', /replication lag/);
  await expect(params.node('station', 'master').locator('.topology-lag')).toHaveText('');

  await replica.click();
  const details = params.details;
  await expect(details.getByRole('heading', { level: 3 })).toHaveText('Station replica-2');
  // A few milliseconds behind: ship delay (1 ms) plus apply time (0.5 ms) plus queueing.
  await expect(details.getByTestId('node-figure-replicaMeanLag')).toHaveText(/^[\d.]+ ms$/);
  await expect(details.getByTestId('node-figure-replicaMaxLag')).toHaveText(/^[\d.]+ ms$/);
  await expect(details.getByTestId('node-figure-replicaLag')).toHaveText(/^[\d.]+ (µs|ms)$/);
  const mean = parseFloat(await details.getByTestId('node-figure-replicaMeanLag').innerText());
  const max = parseFloat(await details.getByTestId('node-figure-replicaMaxLag').innerText());
  expect(mean).toBeGreaterThan(1);
  expect(mean).toBeLessThan(max);
  await page.keyboard.press('Escape');

  // The master is no replica: no lag figures in its details.
  await params.node('station', 'master').click();
  await expect(details.getByTestId('node-figure-replicaLag')).toHaveCount(0);
  expect(errors).toEqual([]);
});
