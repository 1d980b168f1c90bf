import { expect, test } from '../../testing/peaklab';
import { readFile } from 'node:fs/promises';
import { cliJson } from './helpers/cli';

test('the exported JSON is byte-identical to the CLI output for the same preset and seed, wallMs aside', async ({
  peaklab,
  page,
}) => {
  test.setTimeout(90_000);
  await peaklab.openLesson('retry-storm', { seed: 7 });
  await expect(peaklab.appliedSeed).toHaveText('7');
  const cliText = cliJson('retry-storm', 7);
  const cli = JSON.parse(cliText) as Record<string, unknown>;
  await peaklab.runToEnd();

  const [download] = await Promise.all([page.waitForEvent('download'), peaklab.exportJson.click()]);
  expect(download.suggestedFilename()).toBe('retry-storm-seed7.json');
  const text = await readFile(await download.path(), 'utf8');
  // One JSON document on one line, as the CLI prints it.
  expect(text.endsWith('}\n')).toBe(true);
  expect(text.trimEnd().includes('\n')).toBe(false);
  const exported = JSON.parse(text) as Record<string, unknown>;
  expect(typeof exported.wallMs).toBe('number');

  // The simulator uses portable fdlibm ports (sim/kernel/portableMath), never the engine's Math,
  // so the browser's worker and Node produce the same bits: the documents must be the same text.
  const withoutWall = (json: string) => json.replace(/"wallMs":\d+/, '"wallMs":0');
  expect(withoutWall(text)).toBe(withoutWall(cliText));
  // The run itself is the same one: same events, same counts, same series layout.
  expect(exported.events).toBe(cli.events);
  expect(exported.simulatedSeconds).toBe(cli.simulatedSeconds);
});
