import { collectPageErrors, expect, test } from '../../testing/peaklab';
import type { Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { listPresets } from './helpers/cli';

/**
 * Simulated requests a preset asks for (rate x duration). Past this a run to the end takes
 * minutes even in the browser (lesson 11 is 12 million requests, ~2 million events per simulated
 * second), so such a preset is run for a few wall seconds, paused and checked there instead.
 */
const RUN_TO_END_LIMIT = 5_000_000;

function requestsOf(preset: string): number {
  // Each preset is its own file (Playwright's loader does not import JSON modules).
  const file = new URL(`../../sim/scenarios/presets/${preset}.json`, import.meta.url);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    duration: number;
    sources: { rate?: number }[];
  };
  const perSecond = doc.sources.reduce((sum, s) => sum + (s.rate ?? 0), 0);
  return perSecond * doc.duration;
}

for (const preset of listPresets()) {
  const fullScale = requestsOf(preset) > RUN_TO_END_LIMIT;
  const how = fullScale ? 'runs at max speed for a while' : 'runs to the end at max speed';
  test(`${preset}: loads, ${how} and shows numbers`, async ({ peaklab, page }, testInfo) => {
    // Lesson 11 builds 90 stations and preloads 3 million cache keys before its first second,
    // then runs at a few tenths of real time on a shared machine: give it room.
    test.setTimeout(fullScale ? 150_000 : 90_000);
    const errors = collectPageErrors(page);
    await peaklab.openLesson(preset);
    await expect(peaklab.picker).toHaveValue(preset);
    await expect(page.getByTestId('scenario-description')).not.toBeEmpty();
    await expect(peaklab.errorBanners).toHaveCount(0);

    const progress = page.getByTestId('sim-progress');
    const max = Number(await progress.getAttribute('max'));
    if (fullScale) {
      await peaklab.setSpeed('max');
      await peaklab.play();
      // Wait for a few series buckets (1 s each in lesson 11), so each chart has a line.
      await expect
        .poll(() => peaklab.seconds(), { timeout: 100_000, intervals: [500] })
        .toBeGreaterThan(4);
      await peaklab.pause();
      const at = await peaklab.seconds();
      expect(at).toBeLessThan(max);
      expect(await progress.evaluate((p: HTMLProgressElement) => p.value)).toBe(at);
    } else {
      await peaklab.runToEnd();
      // The clock stops exactly at the scenario's duration and the bar is full.
      expect(await peaklab.seconds()).toBe(max);
      expect(await progress.evaluate((p: HTMLProgressElement) => p.value)).toBe(max);
      await expect(peaklab.playPause).toBeDisabled();
    }

    // Traffic went through: every source offered requests and finished some, and the stations
    // that took them show figures. (A lesson may leave a station idle on purpose, say the
    // alternative pool of a bulkhead, so not every station must have arrivals.)
    const count = async (cell: Locator) => Number((await cell.innerText()).replace(/,/g, ''));
    const stationIds = await rowIds(page.getByTestId('stations'));
    expect(stationIds.length).toBeGreaterThan(0);
    let busyStations = 0;
    for (const id of stationIds) {
      await expect(peaklab.stationCell(id, 'utilisation')).toHaveText(/^\d+\.\d%$/);
      if ((await count(peaklab.stationCell(id, 'arrivals'))) > 0) busyStations++;
    }
    expect(busyStations).toBeGreaterThan(0);
    for (const id of await rowIds(page.getByTestId('sources'))) {
      await expect(peaklab.sourceCell(id, 'successShare')).toHaveText(/^\d+\.\d%$/);
    }

    // The charts drew a line for each series.
    for (const chart of ['throughput', 'utilisation', 'goodput']) {
      const paths = page.getByTestId(`chart-${chart}`).locator('g.lines path');
      expect(await paths.count()).toBeGreaterThan(0);
      for (const d of await paths.evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''))) {
        expect(d.length, `${chart} line`).toBeGreaterThan(20);
      }
    }

    await peaklab.keepScreenshot(testInfo, `${preset}-${fullScale ? 'paused' : 'finished'}`);
    expect(errors).toEqual([]);
  });
}

/** The ids of a live table's rows. */
function rowIds(table: Locator): Promise<string[]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.row ?? ''));
}
