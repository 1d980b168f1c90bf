import { raceReplay } from '../../sim/inspect/raceReplay';
import { readAfterWritePoint } from '../../sim/inspect/readAfterWrite';
import { shareText } from '../../src/inspect/rawSeries';
import { expect, test } from '../../testing/peaklab';

test.describe('Inspect section', () => {
  test('the breaker tile goes CLOSED, OPEN, HALF_OPEN, then CLOSED in the circuit-breaker lesson', async ({
    peaklab,
    page,
  }) => {
    test.setTimeout(120_000);
    await peaklab.open('?preset=circuit-breaker&seed=1');
    const tile = page.getByTestId('breaker-tile');
    const state = tile.getByTestId('breaker-state');
    await expect(page.getByTestId('breaker-select')).toHaveValue('api.page[1]');
    await expect(state).toHaveText('CLOSED');

    // Step one simulated second at a time, reading the tile once it shows that second. With seed 1
    // the breaker opens at 31.0 s and probes from 36.0 s to 37.1 s (a 1 s call timeout).
    const seen: string[] = [];
    for (let t = 1; t <= 45 && seen.at(-1) !== 'HALF_OPEN'; t++) {
      await peaklab.stepSecond.click();
      await expect(peaklab.clock).toHaveAttribute('data-seconds', String(t));
      await expect(tile).toHaveAttribute('data-now', String(t));
      const now = (await state.textContent()) ?? '';
      if (seen.at(-1) !== now) seen.push(now);
      if (now === 'OPEN')
        await expect(tile.getByTestId('breaker-detail')).toContainText(/s left|probes/);
      if (now === 'HALF_OPEN') {
        await expect(tile.getByTestId('breaker-detail')).toContainText(/\d+ of 10 probes used/);
      }
    }
    expect(seen).toEqual(['CLOSED', 'OPEN', 'HALF_OPEN']);
    await expect(tile.getByTestId('breaker-gating')).toContainText('Window holds');

    // The slowdown ends at t = 90: the breaker probes once more and closes for good.
    await peaklab.runToEnd();
    await expect(state).toHaveText('CLOSED');
    await expect(tile.getByTestId('breaker-transitions').locator('li').last()).toContainText(
      'HALF_OPEN → CLOSED',
    );
  });

  test('the race replay shows stale reads for the naive strategies and none for the locked one', async ({
    peaklab,
    page,
  }) => {
    // Four half-second replays in the worker, then the same four in Node, on a shared machine.
    test.setTimeout(90_000);
    await peaklab.open('?preset=cache-consistency&seed=1');
    const replay = page.getByRole('button', { name: 'Replay the races' });
    await expect(replay).toBeEnabled();
    await replay.click();
    const locked = page.getByTestId('race-stale-lockDeleteUpdateReload');
    await expect(locked).toBeVisible({ timeout: 30_000 });
    await expect(locked).toHaveText('0');
    for (const naive of ['updateThenDelete', 'deleteThenUpdate', 'updateThenSet'] as const) {
      await expect(page.getByTestId(`race-panel-${naive}`)).toHaveAttribute('data-seed', '1');
      const count = Number(await page.getByTestId(`race-stale-${naive}`).textContent());
      expect(count, naive).toBeGreaterThan(0);
      // Same scenario and seed, same numbers in the browser's worker as in Node.
      expect(count, naive).toBe(raceReplay(naive, 1).staleReads);
      const timeline = page.getByTestId(`race-timeline-${naive}`);
      await expect(timeline.locator('[data-testid="stale-window"]').first()).toBeAttached();
      await expect(timeline.locator('[data-outcome="stale"]').first()).toBeAttached();
    }
    await expect(
      page
        .getByTestId('race-timeline-lockDeleteUpdateReload')
        .locator('[data-testid="stale-window"]'),
    ).toHaveCount(0);
  });

  test('the read-after-write chart renders its points', async ({ peaklab, page }) => {
    // Twenty-eight short runs in the worker (progress shown), four more in Node.
    test.setTimeout(90_000);
    await peaklab.open('?preset=read-write-split&seed=1');
    const compute = page.getByRole('button', { name: 'Compute the chart' });
    await expect(compute).toBeEnabled();
    await compute.click();
    const rows = page.getByTestId('raw-table').locator('tbody tr');
    await expect(rows).toHaveCount(7, { timeout: 30_000 });
    await expect(page.getByTestId('raw-chart').locator('[data-testid="raw-point"]')).toHaveCount(
      28,
    );
    // Read-your-writes: the writer's own reads are never stale, at any lag.
    const own = await rows.locator('td:nth-child(4)').allTextContents();
    expect(own).toEqual(Array<string>(7).fill('0.0%'));
    // The 64 ms row, as Node computes it with the same seed.
    const others = readAfterWritePoint(3, 1).others.replicas.share;
    await expect(rows.nth(3).locator('td:nth-child(5)')).toHaveText(shareText(others));
  });
});
