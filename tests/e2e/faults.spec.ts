import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { chartLines, download, FaultPanelUi } from './helpers/faultPanel';
import { collectPageErrors, PeakLab } from './helpers/peakLab';
import { cliJsonForFile } from './helpers/replay';

const count = (text: string) => Number(text.replace(/,/g, ''));

test('an outage injected from the page changes the charts and the tables, and the exported scenario replays it', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const ui = new PeakLab(page);
  const faults = new FaultPanelUi(page);
  await ui.open('?preset=timeouts&seed=3');

  // The run without the fault.
  await ui.runToEnd();
  const rejectedBefore = count(await ui.stationCell('payment', 'rejected').innerText());
  const latencyBefore = await chartLines(page, 'latency');
  const goodputBefore = await chartLines(page, 'goodput');

  // The same run with payment down from t = 10 s to t = 25 s.
  await ui.reset.click();
  await expect(ui.clock).toHaveAttribute('data-seconds', '0');
  await faults.choose('Make a dependency fail (outage)');
  await faults.field('Station').selectOption('payment');
  await faults.field('For (s; empty: to the end)').fill('15');
  await faults.at.fill('10');
  await faults.injectAt.click();
  await expect(faults.done).toContainText('t = 10 s: Make a dependency fail (outage)');
  await expect(faults.injected).toHaveCount(1);
  await ui.runToEnd();

  const rejectedAfter = count(await ui.stationCell('payment', 'rejected').innerText());
  expect(rejectedAfter).toBeGreaterThan(rejectedBefore);
  expect(await chartLines(page, 'latency')).not.toEqual(latencyBefore);
  expect(await chartLines(page, 'goodput')).not.toEqual(goodputBefore);
  await ui.keepScreenshot(testInfo, 'timeouts-with-outage');

  // The scenario with the fault appended replays, in the CLI, exactly what the page ran.
  const scenario = await download(page, faults.exportScenario);
  expect(scenario.file.suggestedFilename()).toBe('timeouts-seed3-scenario.json');
  const doc = JSON.parse(scenario.text) as { faults: { kind: string; at: number }[] };
  expect(doc.faults.map((f) => `${f.kind}@${f.at}`)).toEqual(['slowdown@30', 'outage@10']);
  const report = await download(page, ui.exportJson);
  const path = testInfo.outputPath('timeouts-with-outage.json');
  await writeFile(path, scenario.text);
  const withoutWall = (json: string) => json.replace(/"wallMs":\d+/, '"wallMs":0');
  expect(withoutWall(report.text)).toBe(withoutWall(cliJsonForFile(path, 3)));

  // Reset gives the run without the fault again.
  await ui.reset.click();
  await expect(faults.injected).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a bad fault parameter is shown beside its field with the allowed range, and the run goes on', async ({
  page,
}, testInfo) => {
  const errors = collectPageErrors(page);
  const ui = new PeakLab(page);
  const faults = new FaultPanelUi(page);
  await ui.open('?preset=circuit-breaker');

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
  await expect(ui.errorBanners).toHaveCount(0);
  await ui.keepScreenshot(testInfo, 'fault-error');

  // Nothing was injected and the app runs on.
  await ui.setSpeed('100x');
  await ui.play();
  await expect.poll(() => ui.seconds()).toBeGreaterThan(5);
  await ui.pause();
  await faults.injectNow.click();
  await expect(faults.done).toContainText('Slow a dependency down');
  await expect(faults.injected).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('the fault panel offers what the scenario has: a cache flush, a data centre, a master', async ({
  page,
}) => {
  const ui = new PeakLab(page);
  const faults = new FaultPanelUi(page);
  const offered = () => faults.kind.locator('option').allInnerTexts();
  await ui.open('?preset=timeouts');
  expect(await offered()).toEqual([
    'Slow a dependency down',
    'Make a dependency fail (outage)',
    'Change the server count',
  ]);
  await ui.open('?preset=cache-flush');
  expect(await offered()).toContain('Flush a cache');
  await ui.open('?preset=multi-active');
  expect(await offered()).toContain('Fail a data centre');
  await ui.open('?preset=read-write-split');
  expect(await offered()).toContain('Kill a database master');

  // A flush injected now empties the cache, and the hit ratio chart shows it.
  await ui.open('?preset=cache-flush&seed=2');
  const eightSeconds = async () => {
    for (let i = 0; i < 8; i++) await ui.stepSecond.click();
    await expect(ui.clock).toHaveAttribute('data-seconds', '8');
  };
  await eightSeconds();
  const hitRatioBefore = await chartLines(page, 'cache-hit-ratio');
  await ui.reset.click();
  await faults.choose('Flush a cache');
  for (let i = 0; i < 4; i++) await ui.stepSecond.click();
  await expect(ui.clock).toHaveAttribute('data-seconds', '4');
  await faults.injectNow.click();
  await expect(faults.done).toContainText('t = 4 s: Flush a cache (cache redis)');
  for (let i = 0; i < 4; i++) await ui.stepSecond.click();
  await expect(ui.clock).toHaveAttribute('data-seconds', '8');
  await expect.poll(() => chartLines(page, 'cache-hit-ratio')).not.toEqual(hitRatioBefore);
});
