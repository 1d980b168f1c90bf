import { expect, type BrowserContext, type Page } from '@playwright/test';
import { collectPageErrors, PeakLab } from './peakLab';

/** An exported report without its wall-clock time, the one field two identical runs differ in. */
export const withoutWall = (json: string) => json.replace(/"wallMs":\d+/, '"wallMs":0');

/** Fails the test on any dialog: nothing from the URL may ever run, and an alert would mean it did. */
export function refuseDialogs(page: Page): void {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
}

/**
 * Opens a shared link in another tab of the same browser and waits until its run is loaded,
 * with no error banner. Returns the tab, its page object and its console and page errors.
 */
export async function openInAnotherTab(
  context: BrowserContext,
  link: string,
): Promise<{ page: Page; peaklab: PeakLab; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const peaklab = new PeakLab(page);
  await page.goto(link);
  await peaklab.waitForStatus('paused');
  await expect(peaklab.errorBanners).toHaveCount(0);
  return { page, peaklab, errors };
}

/**
 * After a refused link: one banner saying what was wrong (`message`) and what is shown instead,
 * nothing of the link rendered as markup, the default lesson with its seed in the address, and
 * the app still running (a step still steps).
 */
export async function expectDefaultLessonInstead(peaklab: PeakLab, message: string): Promise<void> {
  const { page } = peaklab;
  await expect(peaklab.errorBanners).toHaveCount(1);
  await expect(peaklab.errorBanners).toContainText(message);
  await expect(peaklab.errorBanners).toContainText('showing lunch-rush instead');
  await expect(page.locator('.notice img, .notice script')).toHaveCount(0);
  await expect(peaklab.picker).toHaveValue('lunch-rush');
  await expect(peaklab.appliedSeed).toHaveText('1');
  await expect(page).toHaveURL(/\?preset=lunch-rush&seed=1$/);
  await peaklab.stepSecond.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '1');
}
