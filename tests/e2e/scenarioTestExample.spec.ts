import { expect, test } from '../../testing/peaklab';

// The worked example of README.md's "Scenario tests", as a trainer would write it: load the
// compensation lesson, fail the orders database's master at t = 30 s, run to t = 120 s, expect
// no lost order and a p99 under 300 ms.
test('failing the master at t = 30 s loses no order, and p99 stays under 300 ms', async ({
  peaklab,
}) => {
  // Three page loads' worth of work on a busy machine: the run itself takes a second or two.
  test.setTimeout(90_000);
  await peaklab.openLesson('compensation', { seed: 1 });
  await peaklab.scheduleFault({ kind: 'masterFailover', db: 'orders-db', at: 30 });
  await peaklab.runTo(120);

  expect(await peaklab.seconds()).toBe(120);
  const report = await peaklab.report();
  expect(report.simulatedSeconds).toBe(120);
  expect(report.databases['orders-db']?.failovers).toBe(1);
  // No lost order: no write lost in the failover, no saga stuck, every order created accounted for.
  expect(await peaklab.figure('databases.orders-db.lostWrites')).toBe(0);
  expect(await peaklab.figure('orders.orders.stuckAtEnd')).toBe(0);
  const orders = report.orders?.orders;
  expect(orders).toBeDefined();
  const { created, completed, compensated, rejected, needsManualHandling, inFlight } = orders!;
  expect(completed + compensated + rejected + needsManualHandling + inFlight).toBe(created);
  expect(await peaklab.figure('sources.customers.latency.p99')).toBeLessThan(0.3);
});
