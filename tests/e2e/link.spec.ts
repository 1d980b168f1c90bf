import { collectPageErrors, expect, test, type PeakLab } from '../../testing/peaklab';
import { download, FaultPanelUi } from './helpers/faultPanel';
import { ParamPanelUi } from './helpers/paramPanel';
import {
  expectDefaultLessonInstead,
  openInAnotherTab,
  refuseDialogs,
  withoutWall,
} from './helpers/sharedLink';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

test.beforeEach(({ page }) => refuseDialogs(page));

test('a link with edits, a fault and the seed reproduces the run made by hand', async ({
  peaklab,
  page,
  context,
}) => {
  test.setTimeout(150_000);
  const errors = collectPageErrors(page);
  const params = new ParamPanelUi(page);
  const faults = new FaultPanelUi(page);
  await peaklab.open('?preset=timeouts&seed=5');
  await params.edit({ 'stations[1].servers': '30', 'sources[1].rate': '150' });
  // The fault goes in while the run is under way, as a person would do it.
  for (let i = 0; i < 4; i++) await peaklab.stepSecond.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '4');
  await faults.choose('Make a dependency fail (outage)');
  await faults.field('Station').selectOption('payment');
  await faults.field('For (s; empty: to the end)').fill('15');
  await faults.at.fill('10');
  await faults.injectAt.click();
  await expect(faults.injected).toHaveCount(1);
  await expect(page).toHaveURL(/[?&]faults=/);
  const link = page.url();
  await peaklab.runToEnd();
  const byHand = (await download(page, peaklab.exportJson)).text;
  // Counts since t = 0 (rates and utilisation are over a recent window of frames, which differ).
  const counts = (ui: PeakLab) =>
    Promise.all(
      ['api', 'payment'].flatMap((station) =>
        ['arrivals', 'completed', 'rejected', 'timedOut'].map((c) =>
          ui.stationCell(station, c).innerText(),
        ),
      ),
    );
  const handCounts = await counts(peaklab);

  // The link, opened in another tab.
  const {
    page: other,
    peaklab: replay,
    errors: otherErrors,
  } = await openInAnotherTab(context, link);
  await expect(replay.appliedSeed).toHaveText('5');
  // In the panel's order: sources first.
  await expect(new ParamPanelUi(other).appliedEdits).toHaveText([
    'sources[1].rate = 150',
    'stations[1].servers = 30',
  ]);
  await expect(new FaultPanelUi(other).injected).toHaveText([
    /^t = 10 s: Make a dependency fail \(outage\)/,
  ]);
  await expect(new ParamPanelUi(other).field('stations[1].servers')).toHaveValue('30');
  await replay.runToEnd();
  const linked = (await download(other, replay.exportJson)).text;
  expect(withoutWall(linked)).toBe(withoutWall(byHand));
  expect(await counts(replay)).toEqual(handCounts);
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

const hostile: [what: string, query: string, message: string][] = [
  [
    'cut short',
    `?v=1&preset=timeouts&seed=3&edits=${base64url([['stations[0].servers', 5]]).slice(0, -5)}`,
    'URL parameter "edits": not',
  ],
  [
    'not base64url',
    '?v=1&preset=timeouts&edits=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    'URL parameter "edits": not base64url text',
  ],
  [
    'wrong version',
    `?v=9&preset=timeouts&edits=${base64url([['stations[0].servers', 5]])}`,
    'URL parameter "v": version "9" is not one this page reads (1)',
  ],
  [
    'unknown field',
    `?v=1&preset=timeouts&edits=${base64url([['duration', 1e9]])}`,
    'duration: not an editable field of this scenario',
  ],
  [
    'out of range',
    `?v=1&preset=timeouts&edits=${base64url([['stations[0].servers', 0]])}`,
    'stations[0].servers: must be an integer from 1 to 1000000, got 0',
  ],
  [
    'markup in a key',
    `?v=1&preset=timeouts&edits=${base64url([['<img src=x onerror=alert(1)>', 1]])}`,
    '<img src=x onerror=alert(1)>',
  ],
  [
    'a bad fault',
    `?v=1&preset=timeouts&faults=${base64url([{ kind: 'outage', at: 5, station: 'nowhere' }])}`,
    'faults[0].station: unknown station "nowhere"',
  ],
  ['oversized', `?v=1&preset=timeouts&edits=${'A'.repeat(9000)}`, 'more than the 8192 allowed'],
];

for (const [what, query, message] of hostile) {
  test(`a hostile link (${what}) shows what was wrong and falls back to the default lesson`, async ({
    peaklab,
    page,
  }) => {
    const errors = collectPageErrors(page);
    await peaklab.open(query);
    await expect(page.getByTestId('applied-edits')).toHaveCount(0);
    await expectDefaultLessonInstead(peaklab, message);
    expect(errors).toEqual([]);
  });
}
