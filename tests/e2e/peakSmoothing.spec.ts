import { correlatedCase } from '../../sim/inspect/correlatedArrivals';
import { PEAK_LEVELS, peakSmoothingPoint } from '../../sim/inspect/peakSmoothing';
import { arrivalRows } from '../../src/inspect/correlatedText';
import { levelText, peakRows } from '../../src/inspect/peakText';
import { collectPageErrors, expect, test } from '../../testing/peaklab';

test.describe('Inspect: peak smoothing and correlated arrivals', () => {
  test('the peak slider moves by keyboard and shows what Node computes for that level', async ({
    peaklab,
    page,
  }) => {
    // Two short runs per level in the worker, the same two in Node, on a shared machine.
    test.setTimeout(90_000);
    const errors = collectPageErrors(page);
    await peaklab.open('?preset=queue-smoothing&seed=1');
    const view = page.getByTestId('peak-smoothing');
    const slider = view.getByRole('slider', { name: 'Peak / consumer capacity' });
    await expect(slider).toBeEnabled();
    await expect(slider).toHaveValue(String(PEAK_LEVELS.indexOf(3)));

    // From 3x down two steps to 1.5x, by keyboard only.
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const level = PEAK_LEVELS.indexOf(1.5);
    await expect(slider).toHaveValue(String(level));
    await expect(view.getByTestId('peak-level-text')).toContainText(levelText(1.5));
    const figures = view.getByTestId('peak-figures');
    await expect(figures).toHaveAttribute('data-level', '1.5', { timeout: 30_000 });

    const expected = peakSmoothingPoint(level, 1);
    for (const row of peakRows(expected)) {
      await expect(view.getByTestId(`peak-queue-${row.id}`), row.id).toHaveText(row.queue);
      await expect(view.getByTestId(`peak-sync-${row.id}`), row.id).toHaveText(row.sync);
    }
    await expect(view.getByTestId('peak-queue-lost')).toHaveText('0');
    await expect(view.getByTestId('peak-theory-backlog')).toHaveText('1,000');
    await expect(view.getByTestId('backlog-chart').locator('path[stroke-dasharray]')).toHaveCount(
      3,
    );
    await expect(view.getByTestId('burst-window')).toContainText('burst');

    // End: the 8x peak, whose backlog is still draining when the run stops.
    await page.keyboard.press('End');
    await expect(figures).toHaveAttribute('data-level', '8', { timeout: 30_000 });
    const eight = peakSmoothingPoint(PEAK_LEVELS.length - 1, 1);
    await expect(view.getByTestId('peak-queue-drain')).toHaveText('not drained by the end');
    await expect(view.getByTestId('peak-queue-backlog')).toHaveText(
      peakRows(eight).find((r) => r.id === 'backlog')!.queue,
    );
    expect(errors).toEqual([]);
  });

  test('a correlated case shows two histograms and the figures Node computes', async ({
    peaklab,
    page,
  }) => {
    test.setTimeout(90_000);
    const errors = collectPageErrors(page);
    await peaklab.open('?preset=queue-smoothing&seed=1');
    const view = page.getByTestId('correlated-arrivals');
    await view.getByRole('radio', { name: 'TTLs expiring together' }).check();
    const figures = view.getByTestId('correlated-figures');
    await expect(figures).toHaveAttribute('data-case', 'ttl', { timeout: 30_000 });
    await expect(view.getByTestId('correlated-explain')).toContainText('expire at t = 4 s');

    const expected = correlatedCase('ttl', 1);
    for (const row of arrivalRows(expected.correlated, expected.decorrelated)) {
      await expect(view.getByTestId(`correlated-${row.id}`), row.id).toHaveText(row.correlated);
      await expect(view.getByTestId(`decorrelated-${row.id}`), row.id).toHaveText(row.decorrelated);
    }
    await expect(view.getByTestId('histogram-correlated')).toBeVisible();
    await expect(view.getByTestId('histogram-decorrelated')).toBeVisible();

    // Another case by keyboard: the arrow keys move through the radio group.
    await view.getByRole('radio', { name: 'TTLs expiring together' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(figures).toHaveAttribute('data-case', 'batch', { timeout: 30_000 });
    const batch = correlatedCase('batch', 1);
    await expect(view.getByTestId('correlated-max-queue')).toHaveText(
      String(batch.correlated.maxQueue),
    );
    expect(errors).toEqual([]);
  });
});
