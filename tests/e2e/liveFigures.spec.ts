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
