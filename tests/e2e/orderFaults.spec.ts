import { collectPageErrors, expect, test } from '../../testing/peaklab';
import type { RunReport } from '../../sim/metrics/runReport';
import { FaultPanelUi } from './helpers/faultPanel';

const ordersOf = (report: RunReport) => report.orders!.orders!;
/** Requests offered by each source: the same seed offers the same traffic, faults or not. */
const offeredOf = (report: RunReport) => Object.values(report.sources).map((s) => s.offered);

test('order faults from the page: duplicated messages are suppressed, a crashed instance is unstuck by the job', async ({
  peaklab,
  page,
}) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  const faults = new FaultPanelUi(page);
  await peaklab.openLesson('async-creation', { seed: 5 });

  // Only the services the sagas call are offered for duplicated messages.
  await faults.choose('Duplicate messages (saga calls arrive twice)');
  const services = await faults.field('Service').locator('option').allTextContents();
  expect(services.sort()).toEqual(['merchant', 'payment', 'rider']);
  await faults.field('Service').selectOption('payment');
  await faults.field('For (s)').fill('20');
  await faults.at.fill('10');
  await faults.injectAt.click();
  await expect(faults.done).toContainText('t = 10 s: Duplicate messages');

  await faults.choose('Crash an order service instance mid-saga');
  await expect(faults.field('Order service').locator('option')).toHaveText(['order-api']);
  await faults.at.fill('40');
  await faults.injectAt.click();
  await expect(faults.injected).toHaveCount(2);
  await peaklab.runToEnd(150_000);

  const withFaults = await peaklab.report();
  const o = ordersOf(withFaults);
  expect(o.duplicatesDelivered).toBeGreaterThan(100);
  expect(o.duplicatesSuppressed).toBeGreaterThanOrEqual(o.duplicatesDelivered);
  expect(o.doubleCaptures).toBe(0);
  expect(o.lostReplies).toBeGreaterThan(0);
  expect(o.compensationsByScanner).toBe(o.lostReplies);
  // The background pool's figures on screen are the report's.
  await expect(page.getByTestId('orders-orders-poolRejected')).toHaveAttribute(
    'data-value',
    String(o.executor!.rejected),
  );
  await expect(page.getByTestId('orders-orders-duplicatesSuppressed')).toHaveAttribute(
    'data-value',
    String(o.duplicatesSuppressed),
  );

  // The same seed without the faults: nothing duplicated, nothing lost.
  await peaklab.reset.click();
  await expect(faults.injected).toHaveCount(0);
  await peaklab.runToEnd(150_000);
  const withoutFaults = await peaklab.report();
  const base = ordersOf(withoutFaults);
  expect(base.duplicatesDelivered).toBe(0);
  expect(base.lostReplies).toBe(0);
  expect(offeredOf(withoutFaults)).toEqual(offeredOf(withFaults));
  expect(errors).toEqual([]);
});
