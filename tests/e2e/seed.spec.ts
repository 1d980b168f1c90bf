import { expect, test } from '@playwright/test';
import { PeakLab } from './helpers/peakLab';

test('a bad seed in the field shows the allowed range and is not applied', async ({ page }) => {
  const ui = new PeakLab(page);
  await ui.open('?preset=erlang-b');
  await expect(ui.appliedSeed).toHaveText('1');

  for (const bad of ['-5', '1.5', 'abc', '9007199254740992']) {
    await ui.seedInput.fill(bad);
    await ui.seedInput.press('Enter');
    await expect(ui.seedError).toContainText('an integer from 0 to 9007199254740991');
    await expect(ui.seedInput).toHaveAttribute('aria-invalid', 'true');
    await expect(ui.appliedSeed).toHaveText('1');
    await expect(page).toHaveURL(/seed=1$/);
  }

  // Editing clears the message; a good seed is applied and lands in the URL.
  await ui.seedInput.fill('42');
  await expect(ui.seedError).toHaveCount(0);
  await ui.seedInput.press('Enter');
  await expect(ui.appliedSeed).toHaveText('42');
  await expect(page).toHaveURL(/\?preset=erlang-b&seed=42$/);
  await expect(ui.seedInput).toHaveAttribute('aria-invalid', 'false');
});

test('choosing another preset loads it with its own seed', async ({ page }) => {
  const ui = new PeakLab(page);
  await ui.open('?preset=mm1&seed=9');
  await ui.picker.selectOption('md1');
  await expect(ui.appliedSeed).toHaveText('1');
  await expect(page).toHaveURL(/\?preset=md1&seed=1$/);
  await expect(page.getByRole('heading', { level: 2, name: /M\/D\/1/ })).toBeVisible();
});
