import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { cliJson } from './helpers/cli';
import { compareReports } from './helpers/compareReports';
import { PeakLab } from './helpers/peakLab';

test('the exported JSON equals the CLI output for the same preset and seed, wallMs aside', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const ui = new PeakLab(page);
  await ui.open('?preset=retry-storm&seed=7');
  await expect(ui.appliedSeed).toHaveText('7');
  const cli = JSON.parse(cliJson('retry-storm', 7)) as Record<string, unknown>;
  await ui.runToEnd();

  const [download] = await Promise.all([page.waitForEvent('download'), ui.exportJson.click()]);
  expect(download.suggestedFilename()).toBe('retry-storm-seed7.json');
  const text = await readFile(await download.path(), 'utf8');
  // One JSON document on one line, as the CLI prints it.
  expect(text.endsWith('}\n')).toBe(true);
  expect(text.trimEnd().includes('\n')).toBe(false);
  const exported = JSON.parse(text) as Record<string, unknown>;
  expect(typeof exported.wallMs).toBe('number');

  const comparison = compareReports(exported, cli);
  testInfo.annotations.push({
    type: 'float noise',
    description: `${comparison.noisy} of ${comparison.numbers} numbers differ only in their last bits (browser vs Node Math)`,
  });
  expect(comparison.mismatches).toEqual([]);
  // The run itself is the same one: same events, same counts, same series layout.
  expect(exported.events).toBe(cli.events);
  expect(exported.simulatedSeconds).toBe(cli.simulatedSeconds);
});
