import { degradationRung } from '../../sim/inspect/degradationLadder';
import { DEGRADATION_RUNGS } from '../../sim/inspect/degradationScenario';
import { qualityText, RUNG_TEXT } from '../../src/inspect/degradationText';
import { collectPageErrors, expect, test } from '../../testing/peaklab';

test.describe('Degradation ladder', () => {
  test('the slider moves through the four rungs with the keyboard, each showing the quality Node computes', async ({
    peaklab,
    page,
  }) => {
    // Four short runs in the worker, then the same four in Node, on a shared machine.
    test.setTimeout(90_000);
    const errors = collectPageErrors(page);
    await peaklab.open('?preset=timeouts&seed=1');
    const ladder = page.getByTestId('degradation-ladder');
    const slider = ladder.getByRole('slider', { name: 'Rung' });
    const figures = ladder.getByTestId('degradation-figures');
    await expect(slider).toBeEnabled();
    await expect(slider).toHaveValue('0');
    await expect(figures).toHaveCount(0);

    await slider.focus();
    const clock = await peaklab.seconds();
    for (let level = 0; level < DEGRADATION_RUNGS.length; level++) {
      // Home runs the first rung (the slider starts there); then one step right per rung.
      await page.keyboard.press(level === 0 ? 'Home' : 'ArrowRight');
      const rung = DEGRADATION_RUNGS[level]!;
      await expect(slider).toHaveValue(String(level));
      await expect(slider).toHaveAttribute('aria-valuetext', `${level}: ${RUNG_TEXT[rung].name}`);
      await expect(figures).toHaveAttribute('data-level', String(level), { timeout: 30_000 });
      await expect(figures).toHaveAttribute('data-seed', '1');
      await expect(ladder.getByTestId('degradation-explain')).toContainText(RUNG_TEXT[rung].name);

      // Same scenario and seed, same numbers in the browser's worker as in Node.
      const node = degradationRung(level, 1);
      await expect(ladder.getByTestId('degradation-quality')).toHaveText(qualityText(node.quality));
      for (const kind of ['fresh', 'stale', 'fallback', 'shed', 'failed'] as const) {
        await expect(ladder.getByTestId(`degradation-part-${kind}`)).toHaveAttribute(
          'data-count',
          String(node.all[kind]),
        );
      }
      await expect(ladder.getByTestId(`degradation-compare-${rung}`)).toContainText(
        qualityText(node.quality),
      );
    }
    // The arrow keys moved the slider, not the simulation.
    expect(await peaklab.seconds()).toBe(clock);

    // Back down the ladder: the rungs already run show at once.
    await page.keyboard.press('ArrowLeft');
    await expect(figures).toHaveAttribute('data-level', '2');
    await expect(ladder.getByTestId('degradation-quality')).toHaveText(
      qualityText(degradationRung(2, 1).quality),
    );
    expect(errors).toEqual([]);
  });
});
