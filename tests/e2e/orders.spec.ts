import { collectPageErrors, expect, test } from '../../testing/peaklab';

const FIELDS = [
  'created',
  'completed',
  'compensated',
  'compensationsByScanner',
  'notifyRedeliveries',
  'duplicatesSuppressed',
  'replaysServed',
  'conflicts',
  'doubleCaptures',
] as const;

test('the orders panel counts what each practice did, as the report does, and tells an order from its machines', async ({
  peaklab,
  page,
}) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  await peaklab.openLesson('compensation', { seed: 2 });
  await expect(page.getByRole('heading', { name: /Orders: the XState machines/ })).toBeVisible();
  await peaklab.runToEnd(150_000);

  // Every counter on screen is the exported report's figure.
  const report = await peaklab.report();
  const o = report.orders!.orders!;
  for (const field of FIELDS) {
    await expect(page.getByTestId(`orders-orders-${field}`)).toHaveAttribute(
      'data-value',
      String(o[field]),
    );
  }
  expect(o.compensationsByScanner).toBeGreaterThan(0);

  // An order the scheduled job moved, told state by state.
  await page.getByRole('radio', { name: /Notable/ }).check();
  const byJob = page
    .getByTestId('orders-list-notable')
    .locator('li', { hasText: 'scheduled job' })
    .first();
  await byJob.getByRole('button').click();
  const story = page.getByTestId('order-story');
  await expect(story).toBeVisible();
  await expect(story.getByTestId('order-entries')).toContainText(
    'scheduled job: attempt declared lost',
  );
  // The states come from the machine definition; the order went through persisting at least.
  const states = story.getByTestId('saga-states').locator('li');
  await expect(states).toHaveCount(11);
  await expect(story.locator('li[data-state="persistingOrder"]')).toHaveAttribute(
    'data-visited',
    'true',
  );
  await expect(story.locator('[data-testid="order-saga-segments"] rect').first()).toBeVisible();
  expect(errors).toEqual([]);
});
