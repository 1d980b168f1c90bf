import { expect, test } from '@playwright/test';

test('the placeholder page loads with its title and no console errors', async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');
  // Late failures (a missing asset, an error after mount) surface only once the network settles.
  await page.waitForLoadState('networkidle');

  await expect(page).toHaveTitle('PeakLab');
  await expect(page.getByRole('heading', { level: 1, name: 'PeakLab' })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('lunch peak');
  await expect(page.getByRole('main')).toContainText('npm run sim');

  // Kept as an artefact: the screenshot shows what the page looked like on this run.
  const screenshot = testInfo.outputPath('home.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach('home', { path: screenshot, contentType: 'image/png' });

  expect(errors).toEqual([]);
});
