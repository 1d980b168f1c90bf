import { deflateRawSync } from 'node:zlib';
import { collectPageErrors, expect, test } from '../../testing/peaklab';
import { download } from './helpers/faultPanel';
import {
  expectDefaultLessonInstead,
  openInAnotherTab,
  refuseDialogs,
  withoutWall,
} from './helpers/sharedLink';

/** A design parameter as a hand-made (or hostile) link would carry it. */
const packed = (text: string) => `v1.${deflateRawSync(Buffer.from(text)).toString('base64url')}`;

test.beforeEach(({ page }) => refuseDialogs(page));

test('a design shared by link opens in another tab and reproduces the run', async ({
  peaklab,
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  await peaklab.open('?preset=read-write-split');

  // Two more replicas on the canvas, then "Copy link".
  await page.getByTestId('builder-toggle').click();
  await page.getByTestId('builder-node-database-orders').click();
  const addReplica = page.getByRole('button', { name: 'Add replica' });
  await addReplica.click();
  await addReplica.click();
  await expect(page.getByTestId('builder-node-station-replica-7')).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const shared = page.getByLabel('Link to this design');
  await expect(shared).toHaveValue(/\?design=v1\.[A-Za-z0-9_-]+&seed=1$/);
  await expect(page.getByTestId('builder-notice')).toContainText('runs this design with seed 1');
  const link = await shared.inputValue();

  // The design run here, to its end.
  await page.getByRole('button', { name: 'Run this design' }).click();
  // (By its test id: with the builder open, "Scenario JSON" is a label too.)
  await expect(page.getByTestId('scenario-picker')).toHaveValue('read-write-split-custom');
  // The address bar holds the design on screen too.
  await expect(page).toHaveURL(/[?&]design=v1\./);
  await peaklab.runToEnd();
  const byHand = (await download(page, peaklab.exportJson)).text;

  // The link, in another tab: the same design, the same figures.
  const {
    page: other,
    peaklab: replay,
    errors: otherErrors,
  } = await openInAnotherTab(context, link);
  await expect(other.getByTestId('scenario-picker')).toHaveValue('read-write-split-custom');
  await expect(
    other.getByRole('option', { name: 'read-write-split-custom (your design)' }),
  ).toHaveCount(1);
  await expect(replay.appliedSeed).toHaveText('1');
  await expect(other.getByTestId('topology-station-replica-6')).toBeVisible();
  await expect(other.getByTestId('topology-station-replica-7')).toBeVisible();
  await replay.runToEnd();
  const linked = (await download(other, replay.exportJson)).text;
  expect(withoutWall(linked)).toBe(withoutWall(byHand));

  // Its builder starts from the design it opened.
  await other.getByTestId('builder-toggle').click();
  await expect(other.getByTestId('builder-node-station-replica-7')).toBeVisible();
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

const hostile: [what: string, query: string, message: string][] = [
  [
    'not base64url',
    '?design=v1.%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
    'URL parameter "design": not base64url text',
  ],
  [
    'not compressed',
    `?design=v1.${Buffer.from('{"name":"x"}').toString('base64url')}`,
    'URL parameter "design": not compressed data this page wrote',
  ],
  [
    'cut short',
    // Cut at a whole number of base64 groups, so it is the inflating that finds the end missing.
    `?design=${packed(JSON.stringify({ name: 'x', duration: 5, sources: [], stations: [] })).slice(0, 3 + 16)}`,
    'URL parameter "design": not compressed data this page wrote (was the link cut short?)',
  ],
  ['another version', '?design=v7.AAAA', 'URL parameter "design": version "v7"'],
  [
    'a zip bomb',
    `?design=${packed(`{"name":"${'a'.repeat(4_000_000)}"}`)}`,
    'the design inflates to more than 1048576 bytes (1 MB)',
  ],
  [
    'not a scenario',
    `?design=${packed(JSON.stringify({ name: '<img src=x onerror=alert(1)>', duration: 0 }))}`,
    'URL parameter "design": the design was refused: name: must be a name of letters, digits, "-", "_" or ".", 1 to 64 characters, got "<img src=x onerror=alert(1)>"; duration: must be a number > 0 s, got 0',
  ],
  ['oversized', `?design=v1.${'A'.repeat(12_500)}`, 'more than the 12000 a design link may have'],
];

for (const [what, query, message] of hostile) {
  test(`a hostile design link (${what}) says what was wrong and shows the default lesson`, async ({
    peaklab,
    page,
  }) => {
    const errors = collectPageErrors(page);
    await peaklab.open(query);
    await expectDefaultLessonInstead(peaklab, message);
    expect(errors).toEqual([]);
  });
}
