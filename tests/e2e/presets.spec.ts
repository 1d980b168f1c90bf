import { expect, test, type Locator } from '@playwright/test';
import { listPresets } from './helpers/cli';
import { collectPageErrors, PeakLab } from './helpers/peakLab';

for (const preset of listPresets()) {
  test(`${preset}: loads, runs to the end at max speed and shows numbers`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    const errors = collectPageErrors(page);
    const ui = new PeakLab(page);
    await ui.open(`?preset=${preset}`);
    await expect(ui.picker).toHaveValue(preset);
    await expect(page.getByTestId('scenario-description')).not.toBeEmpty();
    await expect(ui.errorBanners).toHaveCount(0);

    await ui.runToEnd();

    // The clock stops exactly at the scenario's duration and the bar is full.
    const progress = page.getByTestId('sim-progress');
    const max = Number(await progress.getAttribute('max'));
    expect(await ui.seconds()).toBe(max);
    expect(await progress.evaluate((p: HTMLProgressElement) => p.value)).toBe(max);
    await expect(ui.playPause).toBeDisabled();

    // Traffic went through: every source offered requests and finished some, and the stations
    // that took them show figures. (A lesson may leave a station idle on purpose, say the
    // alternative pool of a bulkhead, so not every station must have arrivals.)
    const count = async (cell: Locator) => Number((await cell.innerText()).replace(/,/g, ''));
    const stationIds = await rowIds(page.getByTestId('stations'));
    expect(stationIds.length).toBeGreaterThan(0);
    let busyStations = 0;
    for (const id of stationIds) {
      await expect(ui.stationCell(id, 'utilisation')).toHaveText(/^\d+\.\d%$/);
      if ((await count(ui.stationCell(id, 'arrivals'))) > 0) busyStations++;
    }
    expect(busyStations).toBeGreaterThan(0);
    for (const id of await rowIds(page.getByTestId('sources'))) {
      await expect(ui.sourceCell(id, 'successShare')).toHaveText(/^\d+\.\d%$/);
    }

    // The charts drew a line for each series.
    for (const chart of ['throughput', 'utilisation', 'goodput']) {
      const paths = page.getByTestId(`chart-${chart}`).locator('g.lines path');
      expect(await paths.count()).toBeGreaterThan(0);
      for (const d of await paths.evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''))) {
        expect(d.length, `${chart} line`).toBeGreaterThan(20);
      }
    }

    await ui.keepScreenshot(testInfo, `${preset}-finished`);
    expect(errors).toEqual([]);
  });
}

/** The ids of a live table's rows. */
function rowIds(table: Locator): Promise<string[]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.row ?? ''));
}
