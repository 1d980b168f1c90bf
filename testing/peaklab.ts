/**
 * Scenario tests for PeakLab: a lesson, faults at simulated times, a run to a simulated time and
 * any figure of the run, driven through the page the way a person would (README.md, "Scenario
 * tests"). A Playwright `test` with a `peaklab` fixture:
 *
 *   import { expect, test } from '../../testing/peaklab';
 *
 *   test('losing the master loses no order', async ({ peaklab }) => {
 *     await peaklab.openLesson('compensation', { seed: 1 });
 *     await peaklab.scheduleFault({ kind: 'masterFailover', db: 'orders-db', at: 30 });
 *     await peaklab.runTo(120);
 *     expect(await peaklab.figure('orders.orders.stuckAtEnd')).toBe(0);
 *     expect(await peaklab.figure('sources.customers.latency.p99')).toBeLessThan(0.3);
 *   });
 *
 * The methods live on the page object PeakLab's own browser tests use (tests/e2e/helpers/peakLab.ts):
 * openLesson(name, { seed }), scheduleFault({ kind, at, ...fields }), runTo(seconds) (through the
 * page's "Run to" field: the worker runs as fast as it goes and stops exactly on that time,
 * fractions too, e.g. 37.25; a time not after now or past the run's end throws the page's
 * message), report() (the exported JSON, the CLI's --json) and figure(path) (one number of it,
 * by its dotted path). Stable test ids of the page for anything else: `stations-<id>-<column>`,
 * `sources-<id>-<column>`, `sim-clock` (data-seconds), `run-status` (data-status), `run-to-input`,
 * `run-to-submit` and `run-to-error` (the "Run to (s)" field, its Run/Stop button and its
 * message), `compare-*` and `replication-*` in the A/B and replication sections.
 */
import { test as base } from '@playwright/test';
import { PeakLab } from '../tests/e2e/helpers/peakLab';

export { expect } from '@playwright/test';
export { PeakLab, collectPageErrors, type FaultRequest } from '../tests/e2e/helpers/peakLab';
export { readFigure } from './reportFigure';

export const test = base.extend<{ peaklab: PeakLab }>({
  peaklab: async ({ page }, use) => {
    await use(new PeakLab(page));
  },
});
