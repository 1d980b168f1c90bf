import { formatCount } from '../../src/store/format';
import { collectPageErrors, expect, test } from '../../testing/peaklab';

test('at max the live tables keep moving, and a paused run shows exactly its report', async ({
  peaklab,
  page,
}) => {
  const errors = collectPageErrors(page);
  await peaklab.openLesson('lunch-rush', { seed: 2 });
  const stations = Object.keys((await peaklab.report()).stations);
  expect(stations.length).toBeGreaterThan(1);
  const busiest = peaklab.stationCell(stations[0]!, 'arrivals');
  await peaklab.setSpeed('max');
  await peaklab.play();
  // At "max" the tables are written a few frames after the clock, and still move with the run.
  await expect.poll(() => busiest.innerText()).not.toBe('0');
  const moving = await busiest.innerText();
  await expect.poll(() => busiest.innerText()).not.toBe(moving);
  await peaklab.pause();
  // Paused, every row shows the snapshot the run stopped on: the report's own numbers.
  const report = await peaklab.report();
  for (const id of stations) {
    expect(await peaklab.stationCell(id, 'arrivals').innerText(), id).toBe(
      formatCount(report.stations[id]!.arrivals),
    );
    expect(await peaklab.stationCell(id, 'completed').innerText(), id).toBe(
      formatCount(report.stations[id]!.completed),
    );
  }
  expect(errors).toEqual([]);
});

test('at max, figures off screen wait, and are written as they come into view', async ({
  peaklab,
  page,
}) => {
  const errors = collectPageErrors(page);
  // Lesson 11's station table has 90 rows in a box that shows about 20 of them at 1280x720, and
  // its topology sits below the fold.
  await peaklab.openLesson('lunch-peak', { seed: 1 });
  const ids = await page
    .getByTestId('stations')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.row ?? ''));
  const gateways = ids.filter((id) => id.startsWith('gateway-'));
  expect(gateways.length).toBeGreaterThan(1);
  const first = peaklab.stationCell(gateways[0]!, 'arrivals');
  const last = peaklab.stationCell(gateways.at(-1)!, 'arrivals');
  const lastBox = page.getByTestId(`topology-station-${gateways.at(-1)!}`);
  await expect(first).toBeInViewport();
  await expect(last).not.toBeInViewport();
  await expect(lastBox).not.toBeInViewport();
  const lastBoxText = await lastBox.textContent();

  await peaklab.setSpeed('max');
  await peaklab.play();
  // The row on screen moves; the one scrolled out of its box and the topology below the fold
  // still show the figures from before the run (every gateway takes traffic from the start).
  await expect.poll(() => first.innerText(), { timeout: 30_000 }).not.toBe('0');
  const moving = await first.innerText();
  await expect.poll(() => first.innerText(), { timeout: 30_000 }).not.toBe(moving);
  expect(await last.innerText()).toBe('0');
  expect(await lastBox.textContent()).toBe(lastBoxText);

  // Scrolled into view, a row is written within a few frames, not at the next snapshot (one every
  // ~200 ms at "max"): three times, scrolled back out while the run moves on in between. (Were it
  // written only at snapshots, each look would find it unchanged ~3 times in 4.)
  const top = page.getByTestId('stations').locator('tbody tr').first();
  for (let look = 0; look < 3; look++) {
    const held = await last.innerText();
    const written = await last.evaluate(async (cell) => {
      cell.scrollIntoView({ block: 'center' });
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
      return cell.textContent;
    });
    expect(written, `look ${look}`).not.toBe(held);
    await top.scrollIntoViewIfNeeded();
    await expect(last).not.toBeInViewport();
    await expect
      .poll(() => first.innerText(), { timeout: 30_000 })
      .not.toBe(await first.innerText());
  }
  await lastBox.scrollIntoViewIfNeeded();
  await expect.poll(() => lastBox.textContent(), { timeout: 30_000 }).not.toBe(lastBoxText);

  // A chart below the fold keeps its lines while the run moves on, and draws when in view.
  const chart = page.getByTestId('chart-throughput');
  const lines = () =>
    chart
      .locator('g.lines path')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? '').join('|'));
  await expect(chart).not.toBeInViewport();
  const drawn = await lines();
  const now = await peaklab.seconds();
  await expect.poll(() => peaklab.seconds(), { timeout: 30_000 }).toBeGreaterThan(now + 1);
  expect(await lines()).toBe(drawn);
  await chart.scrollIntoViewIfNeeded();
  await expect.poll(lines, { timeout: 30_000 }).not.toBe(drawn);

  // Scrolled back out and paused: written at the stop, it equals the report.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(last).not.toBeInViewport();
  await peaklab.pause();
  const report = await peaklab.report();
  expect(await last.innerText()).toBe(formatCount(report.stations[gateways.at(-1)!]!.arrivals));
  expect(errors).toEqual([]);
});
