import { expect, test } from '@playwright/test';
import { listPresets } from './helpers/cli';
import { PeakLab } from './helpers/peakLab';

test.beforeEach(({ page }) => {
  // Nothing from the URL may ever run: an alert would mean it did.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
});

test('?preset=mm8&seed=42 loads that preset with that seed', async ({ page }) => {
  const ui = new PeakLab(page);
  await ui.open('?preset=mm8&seed=42');
  await expect(ui.picker).toHaveValue('mm8');
  await expect(ui.seedInput).toHaveValue('42');
  await expect(ui.appliedSeed).toHaveText('42');
  await expect(ui.errorBanners).toHaveCount(0);
});

test('?preset=nope names the parameter and the presets, and falls back to lunch-rush', async ({
  page,
}) => {
  const ui = new PeakLab(page);
  await ui.open('?preset=nope');
  await expect(ui.errorBanners).toHaveCount(1);
  await expect(ui.errorBanners).toContainText('URL parameter "preset"');
  await expect(ui.errorBanners).toContainText('"nope"');
  await expect(ui.errorBanners).toContainText(`(allowed: ${listPresets().join(', ')})`);
  await expect(ui.picker).toHaveValue('lunch-rush');
  await expect(ui.appliedSeed).toHaveText('1');
  await expect(page).toHaveURL(/\?preset=lunch-rush&seed=1$/);
});

test('?seed=-1 names the parameter and the range, and uses the preset seed', async ({ page }) => {
  const ui = new PeakLab(page);
  await ui.open('?seed=-1');
  await expect(ui.errorBanners).toHaveCount(1);
  await expect(ui.errorBanners).toContainText('URL parameter "seed"');
  await expect(ui.errorBanners).toContainText('an integer from 0 to 9007199254740991');
  await expect(ui.picker).toHaveValue('lunch-rush');
  await expect(ui.appliedSeed).toHaveText('1');
});

test('markup in a parameter is shown as text, never run', async ({ page }) => {
  const ui = new PeakLab(page);
  const payload = '<img src=x onerror=alert(1)>';
  await ui.open(`?preset=${encodeURIComponent(payload)}`);
  await expect(ui.errorBanners).toContainText(payload);
  await expect(page.locator('.notice img')).toHaveCount(0);
  await ui.errorBanners.getByRole('button', { name: 'Dismiss this message' }).click();
  await expect(ui.errorBanners).toHaveCount(0);
});
