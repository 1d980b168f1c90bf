import { expect, test } from '@playwright/test';
import { collectPageErrors, PeakLab } from './helpers/peakLab';

test('the sandbox loads the default preset with its controls and no console errors', async ({
  page,
}, testInfo) => {
  const errors = collectPageErrors(page);
  const ui = new PeakLab(page);
  await ui.open();
  // Late failures (a missing asset, an error after mount) surface only once the network settles.
  await page.waitForLoadState('networkidle');

  await expect(page).toHaveTitle('PeakLab');
  await expect(page.getByRole('heading', { level: 1, name: 'PeakLab' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('lunch peak');
  await expect(page.getByRole('contentinfo')).toContainText('npm run sim');
  await expect(ui.picker).toHaveValue('lunch-rush');
  await expect(ui.seedInput).toHaveValue('1');
  await expect(page.getByTestId('scenario-description')).toContainText('Three hours');
  await expect(page).toHaveURL(/\?preset=lunch-rush&seed=1$/);
  for (const station of ['gateway', 'order-service', 'order-db']) {
    await expect(page.getByTestId(`topology-station-${station}`)).toBeVisible();
  }

  await ui.keepScreenshot(testInfo, 'home');
  expect(errors).toEqual([]);
});
