import { collectPageErrors, expect, test } from '../../testing/peaklab';

test('an arrow shows the requests sent along it: a source’s arrow, the rate its box shows', async ({
  peaklab,
  page,
}) => {
  const errors = collectPageErrors(page);
  await peaklab.openLesson('circuit-breaker', { seed: 1 });
  for (let i = 0; i < 3; i++) await peaklab.stepSecond.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '3');

  // The pages source sends no retries: every request it offers goes along its one arrow, so
  // the arrow's rate over the recent window is the offered rate its box shows.
  const box = page.getByTestId('topology-source-pages').locator('.topology-queue');
  const arrow = page.getByTestId('topology-edge-source-pages-source-api');
  await expect(box).toHaveText(/^[\d,.]+ req\/s$/);
  await expect(arrow.locator('.topology-edge-rate')).toHaveText((await box.textContent())!);
  expect(Number(await arrow.getAttribute('data-rate'))).toBeGreaterThan(0);

  // The call the breaker guards names the breaker's state and takes its colour.
  const call = page.getByTestId('topology-edge-station-api-call-recommendations');
  await expect(call).toHaveAttribute('data-breaker', /^(CLOSED|HALF_OPEN|OPEN)$/);
  const state = (await call.getAttribute('data-breaker'))!;
  await expect(call.locator('.topology-edge-kind')).toHaveText(`call · ${state}`);
  await expect(call.locator('.topology-edge-rate')).toHaveText(/^[\d,.]+ req\/s$/);
  expect(errors).toEqual([]);
});

test('queue-smoothing: a consumer’s box shows its topic’s lag now, as the report has it', async ({
  peaklab,
  page,
}) => {
  const errors = collectPageErrors(page);
  await peaklab.openLesson('queue-smoothing', { seed: 1 });
  // In the burst (30 s to 50 s) the consumers fall behind.
  await peaklab.runTo(45);
  const lag = await peaklab.figure('topics.order-events.lag');
  expect(lag).toBeGreaterThan(0);
  const consumer = page.getByTestId('topology-station-fulfilment-1');
  await expect(consumer).toHaveAttribute('data-consumer-lag', String(lag));
  await expect(consumer.locator('.topology-lag')).toContainText('consumer lag');
  // The consumers get their messages from the topic: the arrows carry the topic's deliveries.
  const arrow = page.locator('[data-flow="topic:order-events>fulfilment-1"]').first();
  await expect(arrow.locator('.topology-edge-rate')).toHaveText(/^[\d,.]+ req\/s$/);
  expect(Number(await arrow.getAttribute('data-rate'))).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
