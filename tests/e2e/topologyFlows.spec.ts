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
  const offered = (await box.textContent())!.replace(' req/s', '');
  await expect(arrow.locator('.topology-edge-rate')).toHaveText(`${offered}/s`);
  expect(Number(await arrow.getAttribute('data-rate'))).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('circuit-breaker: the guarded call shows its breaker’s state by name and colour, as the report has it', async ({
  peaklab,
  page,
}) => {
  const errors = collectPageErrors(page);
  await peaklab.openLesson('circuit-breaker', { seed: 1 });
  const call = page.getByTestId('topology-edge-station-api-call-recommendations');
  const colours: Record<string, string> = {
    CLOSED: '#009E73',
    HALF_OPEN: '#E69F00',
    OPEN: '#D55E00',
  };
  // Before the fault, while open, and in a half-open probe (the breaker waits 5 s open: the
  // lesson's CLI report logs it opening at 31.0 s and half-opening at 36.0 s with seed 1).
  const seen: string[] = [];
  for (const at of [20, 33, 36.5]) {
    await peaklab.runTo(at);
    const state = (await peaklab.report()).breakers['api.page[1]']!.state;
    seen.push(state);
    await expect(call).toHaveAttribute('data-breaker', state);
    await expect(call.locator('.topology-edge-kind')).toHaveText(`call · ${state}`);
    await expect(call.locator('path')).toHaveAttribute('style', `stroke: ${colours[state]}`);
    await expect(call.locator('.topology-edge-rate')).toHaveText(/^[\d,.]+\/s$/);
  }
  expect(seen).toEqual(['CLOSED', 'OPEN', 'HALF_OPEN']);
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
  await expect(arrow.locator('.topology-edge-rate')).toHaveText(/^[\d,.]+\/s$/);
  expect(Number(await arrow.getAttribute('data-rate'))).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
