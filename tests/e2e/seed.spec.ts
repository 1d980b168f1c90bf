import { expect, test } from '../../testing/peaklab';

test('a bad seed in the field shows the allowed range and is not applied', async ({
  peaklab,
  page,
}) => {
  await peaklab.openLesson('erlang-b');
  await expect(peaklab.appliedSeed).toHaveText('1');

  for (const bad of ['-5', '1.5', 'abc', '9007199254740992']) {
    await peaklab.seedInput.fill(bad);
    await peaklab.seedInput.press('Enter');
    await expect(peaklab.seedError).toContainText('an integer from 0 to 9007199254740991');
    await expect(peaklab.seedInput).toHaveAttribute('aria-invalid', 'true');
    await expect(peaklab.appliedSeed).toHaveText('1');
    await expect(page).toHaveURL(/seed=1$/);
  }

  // Editing clears the message; a good seed is applied and lands in the URL.
  await peaklab.seedInput.fill('42');
  await expect(peaklab.seedError).toHaveCount(0);
  await peaklab.seedInput.press('Enter');
  await expect(peaklab.appliedSeed).toHaveText('42');
  await expect(page).toHaveURL(/\?preset=erlang-b&seed=42$/);
  await expect(peaklab.seedInput).toHaveAttribute('aria-invalid', 'false');
});

test('choosing another preset loads it with its own seed', async ({ peaklab, page }) => {
  await peaklab.openLesson('mm1', { seed: 9 });
  await peaklab.picker.selectOption('md1');
  await expect(peaklab.appliedSeed).toHaveText('1');
  await expect(page).toHaveURL(/\?preset=md1&seed=1$/);
  await expect(page.getByRole('heading', { level: 2, name: /M\/D\/1/ })).toBeVisible();
});
