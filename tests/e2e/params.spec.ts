import { collectPageErrors, expect, test } from '../../testing/peaklab';
import { ParamPanelUi } from './helpers/paramPanel';

const percent = (text: string) => Number(text.replace('%', ''));

test('a call timeout set in the parameter panel keeps the menu up: its success share rises', async ({
  peaklab,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const params = new ParamPanelUi(page);
  await peaklab.open('?preset=timeouts&seed=3');
  await expect(params.field('stations[0].endpoints.orders[1].timeout')).toHaveValue('');
  await expect(params.field('stations[1].servers')).toHaveValue('20');

  await peaklab.runToEnd();
  const before = percent(await peaklab.sourceCell('menu-users', 'successShare').innerText());
  expect(before).toBeLessThan(95);

  // The lesson's own suggestion: a 200 ms timeout on the payment call.
  await params.edit({ 'stations[0].endpoints.orders[1].timeout': '0.2' });
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '0');
  await expect(peaklab.appliedSeed).toHaveText('3');
  await expect(params.field('stations[0].endpoints.orders[1].timeout')).toHaveValue('0.2');
  await expect(page).toHaveURL(/[?&]v=1&/);
  await expect(page).toHaveURL(/[?&]edits=[A-Za-z0-9_-]+/);
  await expect(page.getByTestId('run-line')).toContainText('1 field edited');

  await peaklab.runToEnd();
  const after = percent(await peaklab.sourceCell('menu-users', 'successShare').innerText());
  expect(after).toBeGreaterThan(before + 10);
  await peaklab.keepScreenshot(testInfo, 'timeouts-with-call-timeout');

  // Undo all edits: the preset as it is, the address without them.
  await params.revert.click();
  await expect(params.appliedEdits).toHaveCount(0);
  await expect(page).toHaveURL(/\?preset=timeouts&seed=3$/);
  await expect(params.field('stations[0].endpoints.orders[1].timeout')).toHaveValue('');
  expect(errors).toEqual([]);
});

test('a bad value shows its allowed range beside the field and the run goes on unchanged', async ({
  peaklab,
  page,
}) => {
  const errors = collectPageErrors(page);
  const params = new ParamPanelUi(page);
  await peaklab.open('?preset=timeouts&seed=3');
  for (let i = 0; i < 3; i++) await peaklab.stepSecond.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '3');
  const arrivals = await peaklab.stationCell('api', 'arrivals').innerText();

  const servers = params.field('stations[1].servers');
  for (const [bad, got] of [
    ['0', '0'],
    ['5000000', '5000000'],
    ['lots', '"lots"'],
  ]) {
    await servers.fill(bad!);
    await params.apply.click();
    await expect(params.errorOf('stations[1].servers')).toHaveText(
      `stations[1].servers: must be an integer from 1 to 1000000, got ${got}`,
    );
    await expect(servers).toHaveAttribute('aria-invalid', 'true');
    await expect(servers).toHaveValue(bad!);
    // Not applied: same run, same time, same figures, same address.
    await expect(peaklab.clock).toHaveAttribute('data-seconds', '3');
    await expect(peaklab.stationCell('api', 'arrivals')).toHaveText(arrivals);
    await expect(params.appliedEdits).toHaveCount(0);
    await expect(page).toHaveURL(/\?preset=timeouts&seed=3$/);
  }

  // A bad rate on one field among good ones: nothing is applied.
  await servers.fill('25');
  await params.field('sources[0].rate').fill('-5');
  await params.apply.click();
  await expect(params.errorOf('sources[0].rate')).toHaveText(
    'sources[0].rate: must be a number >= 0 requests/s, got -5',
  );
  await expect(params.errorOf('stations[1].servers')).toHaveCount(0);
  await expect(params.appliedEdits).toHaveCount(0);

  // The app keeps running: a step still steps, and typing clears the message.
  await peaklab.stepSecond.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '4');
  await params.field('sources[0].rate').fill('250');
  await expect(params.errorOf('sources[0].rate')).toHaveCount(0);
  await expect(peaklab.errorBanners).toHaveCount(0);
  expect(errors).toEqual([]);
});
