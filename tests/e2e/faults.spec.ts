import { collectPageErrors, expect, test } from '../../testing/peaklab';
import { writeFile } from 'node:fs/promises';
import { chartLines, download, FaultPanelUi } from './helpers/faultPanel';
import { cliJsonForFile } from './helpers/replay';

const count = (text: string) => Number(text.replace(/,/g, ''));

test('an outage injected from the page changes the charts and the tables, and the exported scenario replays it', async ({
  peaklab,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const faults = new FaultPanelUi(page);
  await peaklab.openLesson('timeouts', { seed: 3 });

  // The run without the fault.
  await peaklab.runToEnd();
  const rejectedBefore = count(await peaklab.stationCell('payment', 'rejected').innerText());
  const latencyBefore = await chartLines(page, 'latency');
  const goodputBefore = await chartLines(page, 'goodput');

  // The same run with payment down from t = 10 s to t = 25 s.
  await peaklab.reset.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '0');
  await faults.choose('Make a dependency fail (outage)');
  await faults.field('Station').selectOption('payment');
  await faults.field('For (s; empty: to the end)').fill('15');
  await faults.at.fill('10');
  await faults.injectAt.click();
  await expect(faults.done).toContainText('t = 10 s: Make a dependency fail (outage)');
  await expect(faults.injected).toHaveCount(1);
  await peaklab.runToEnd();

  const rejectedAfter = count(await peaklab.stationCell('payment', 'rejected').innerText());
  expect(rejectedAfter).toBeGreaterThan(rejectedBefore);
  expect(await chartLines(page, 'latency')).not.toEqual(latencyBefore);
  expect(await chartLines(page, 'goodput')).not.toEqual(goodputBefore);
  await peaklab.keepScreenshot(testInfo, 'timeouts-with-outage');

  // The scenario with the fault appended replays, in the CLI, exactly what the page ran.
  const scenario = await download(page, faults.exportScenario);
  expect(scenario.file.suggestedFilename()).toBe('timeouts-seed3-scenario.json');
  const doc = JSON.parse(scenario.text) as { faults: { kind: string; at: number }[] };
  expect(doc.faults.map((f) => `${f.kind}@${f.at}`)).toEqual(['slowdown@30', 'outage@10']);
  const report = await download(page, peaklab.exportJson);
  const path = testInfo.outputPath('timeouts-with-outage.json');
  await writeFile(path, scenario.text);
  const withoutWall = (json: string) => json.replace(/"wallMs":\d+/, '"wallMs":0');
  expect(withoutWall(report.text)).toBe(withoutWall(cliJsonForFile(path, 3)));

  // Reset gives the run without the fault again.
  await peaklab.reset.click();
  await expect(faults.injected).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a bad fault parameter is shown beside its field with the allowed range, and the run goes on', async ({
  peaklab,
  page,
}, testInfo) => {
  const errors = collectPageErrors(page);
  const faults = new FaultPanelUi(page);
  await peaklab.openLesson('circuit-breaker');

  await faults.choose('Slow a dependency down');
  const factor = faults.field('Slowdown factor (×)');
  await factor.fill('5000');
  await faults.injectNow.click();
  await expect(faults.errorOf('factor')).toHaveText(
    'Slowdown factor (×): must be a number from 0.001 to 1000, got 5000',
  );
  await expect(factor).toHaveAttribute('aria-invalid', 'true');
  await expect(factor).toHaveValue('5000');

  await factor.fill('3');
  await faults.field('For (s; empty: to the end)').fill('soon');
  await faults.injectNow.click();
  await expect(faults.errorOf('duration')).toContainText('must be a number > 0 s, got "soon"');

  await faults.field('For (s; empty: to the end)').fill('');
  await faults.at.fill('9999');
  await faults.injectAt.click();
  await expect(faults.errorOf('at')).toHaveText(
    'Time: must be within the run (0 to duration = 150 s), got 9999',
  );
  await expect(faults.injected).toHaveCount(0);
  await expect(peaklab.errorBanners).toHaveCount(0);
  await peaklab.keepScreenshot(testInfo, 'fault-error');

  // Nothing was injected and the app runs on.
  await peaklab.setSpeed('100x');
  await peaklab.play();
  await expect.poll(() => peaklab.seconds()).toBeGreaterThan(5);
  await peaklab.pause();
  await faults.injectNow.click();
  await expect(faults.done).toContainText('Slow a dependency down');
  await expect(faults.injected).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('the fault panel offers what the scenario has: a cache flush, a data centre, a master', async ({
  peaklab,
  page,
}) => {
  const faults = new FaultPanelUi(page);
  const offered = () => faults.kind.locator('option').allInnerTexts();
  await peaklab.openLesson('timeouts');
  expect(await offered()).toEqual([
    'Slow a dependency down',
    'Make a dependency fail (outage)',
    'Change the server count',
  ]);
  await peaklab.openLesson('cache-flush');
  expect(await offered()).toContain('Flush a cache');
  await peaklab.openLesson('multi-active');
  expect(await offered()).toContain('Fail a data centre');
  await peaklab.openLesson('read-write-split');
  expect(await offered()).toContain('Kill a database master');

  // A flush injected now empties the cache, and the hit ratio chart shows it.
  await peaklab.openLesson('cache-flush', { seed: 2 });
  await peaklab.runTo(8);
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '8');
  const hitRatioBefore = await chartLines(page, 'cache-hit-ratio');
  await peaklab.reset.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '0');
  await faults.choose('Flush a cache');
  await peaklab.runTo(4);
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '4');
  await faults.injectNow.click();
  await expect(faults.done).toContainText('t = 4 s: Flush a cache (cache redis)');
  await peaklab.runTo(8);
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '8');
  await expect.poll(() => chartLines(page, 'cache-hit-ratio')).not.toEqual(hitRatioBefore);
});
