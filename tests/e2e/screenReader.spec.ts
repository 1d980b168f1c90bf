import { expect, test } from '../../testing/peaklab';

/**
 * What a screen reader finds, read from the browser's accessibility tree: named controls in named
 * groups, one polite status that speaks when the run starts, stops or steps (never the clock on
 * every frame), topology boxes that say what they show, tables with column and row headers.
 * Axe (accessibility.spec.ts) checks the rules; this checks what is announced.
 */
test('what a screen reader finds: named controls, one polite run status, described boxes, table headers', async ({
  peaklab,
  page,
}) => {
  await peaklab.openLesson('mm1', { seed: 3 });
  await expect(page.getByRole('group', { name: 'Run controls' })).toMatchAriaSnapshot(`
    - group "Run controls":
      - button "Play"
      - button "Step event"
      - button "Step 1 s"
      - button "Reset"
      - textbox "Run to (s)"
      - button "Run"
  `);
  await expect(page.getByRole('group', { name: 'Speed' })).toMatchAriaSnapshot(`
    - group "Speed":
      - radio "1x"
      - radio "10x"
      - radio "100x"
      - radio "1000x"
      - radio "max"
  `);

  // The clock is no live region (it changes every frame); the run summary is the one that speaks.
  await expect(peaklab.clock).toHaveAttribute('aria-live', 'off');
  const summary = page.getByRole('status').filter({ hasText: /^Run / });
  await expect(summary).toHaveText('Run paused at t = 00:00.000 of 55:33:20.000.');
  await peaklab.stepSecond.click();
  await expect(summary).toHaveText('Run paused at t = 00:01.000 of 55:33:20.000.');
  await peaklab.play();
  await expect(page.getByTestId('run-summary')).toHaveText('Running.');
  await peaklab.pause();
  await expect(summary).toHaveText(/^Run paused at t = \d\d:\d\d\.\d{3} of 55:33:20\.000\.$/);

  // Each box of the topology is a button named by what it shows.
  await expect(
    page.getByRole('button', {
      name: /^station server: utilisation \d+\.\d%, busy \d+ of \d+, queue \d+$/,
    }),
  ).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'source arrivals' })).toHaveCount(1);

  // The live tables: a named region that takes focus to scroll, column and row headers.
  const region = page.getByRole('region', { name: 'Stations and sources: live figures' });
  await expect(region).toHaveAttribute('tabindex', '0');
  const stations = region.getByRole('table', { name: 'Stations' });
  await expect(stations.getByRole('columnheader')).toHaveText([
    'Name',
    'Arrivals',
    'Done',
    'Rejected',
    'Timed out',
    'Utilisation',
    'Queue',
    'Mean latency',
    'Theory',
  ]);
  await expect(stations.getByRole('rowheader')).toHaveText(['server']);
  await expect(region.getByRole('table', { name: "Sources (the clients' view)" })).toBeVisible();
});
