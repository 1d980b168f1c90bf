import { collectPageErrors, expect, test } from '../../testing/peaklab';

test('the sandbox loads the default preset with its controls and no console errors', async ({
  peaklab,
  page,
}, testInfo) => {
  const errors = collectPageErrors(page);
  await peaklab.open();
  // Late failures (a missing asset, an error after mount) surface only once the network settles.
  await page.waitForLoadState('networkidle');

  await expect(page).toHaveTitle('PeakLab');
  await expect(page.getByRole('heading', { level: 1, name: 'PeakLab' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('lunch peak');
  await expect(page.getByRole('contentinfo')).toContainText('npm run sim');
  await expect(peaklab.picker).toHaveValue('lunch-rush');
  await expect(peaklab.seedInput).toHaveValue('1');
  await expect(page.getByTestId('scenario-description')).toContainText('Three hours');
  await expect(page).toHaveURL(/\?preset=lunch-rush&seed=1$/);
  for (const station of ['gateway', 'order-service', 'order-db']) {
    await expect(page.getByTestId(`topology-station-${station}`)).toBeVisible();
  }

  await peaklab.keepScreenshot(testInfo, 'home');
  expect(errors).toEqual([]);
});
