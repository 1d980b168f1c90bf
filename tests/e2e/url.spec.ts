import { expect, test } from '../../testing/peaklab';
import { listPresets } from './helpers/cli';

test.beforeEach(({ page }) => {
  // Nothing from the URL may ever run: an alert would mean it did.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
});

test('?preset=mm8&seed=42 loads that preset with that seed', async ({ peaklab }) => {
  await peaklab.open('?preset=mm8&seed=42');
  await expect(peaklab.picker).toHaveValue('mm8');
  await expect(peaklab.seedInput).toHaveValue('42');
  await expect(peaklab.appliedSeed).toHaveText('42');
  await expect(peaklab.errorBanners).toHaveCount(0);
});

test('?preset=nope names the parameter and the presets, and falls back to lunch-rush', async ({
  peaklab,
  page,
}) => {
  await peaklab.open('?preset=nope');
  await expect(peaklab.errorBanners).toHaveCount(1);
  await expect(peaklab.errorBanners).toContainText('URL parameter "preset"');
  await expect(peaklab.errorBanners).toContainText('"nope"');
  await expect(peaklab.errorBanners).toContainText(`(allowed: ${listPresets().join(', ')})`);
  await expect(peaklab.picker).toHaveValue('lunch-rush');
  await expect(peaklab.appliedSeed).toHaveText('1');
  await expect(page).toHaveURL(/\?preset=lunch-rush&seed=1$/);
});

test('?seed=-1 names the parameter and the range, and uses the preset seed', async ({
  peaklab,
}) => {
  await peaklab.open('?seed=-1');
  await expect(peaklab.errorBanners).toHaveCount(1);
  await expect(peaklab.errorBanners).toContainText('URL parameter "seed"');
  await expect(peaklab.errorBanners).toContainText('an integer from 0 to 9007199254740991');
  await expect(peaklab.picker).toHaveValue('lunch-rush');
  await expect(peaklab.appliedSeed).toHaveText('1');
});

test('markup in a parameter is shown as text, never run', async ({ peaklab, page }) => {
  const payload = '<img src=x onerror=alert(1)>';
  await peaklab.open(`?preset=${encodeURIComponent(payload)}`);
  await expect(peaklab.errorBanners).toContainText(payload);
  await expect(page.locator('.notice img')).toHaveCount(0);
  await peaklab.errorBanners.getByRole('button', { name: 'Dismiss this message' }).click();
  await expect(peaklab.errorBanners).toHaveCount(0);
});
