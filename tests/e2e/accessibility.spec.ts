import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type PeakLab } from '../../testing/peaklab';
import { ParamPanelUi } from './helpers/paramPanel';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Rules waived for one selector each, never for the page. Every entry says why the rule cannot
 * reasonably be met there.
 */
const WAIVERS: readonly { rule: string; selector: string; why: string }[] = [];

/** What the focus test keeps on the page between Tab presses. */
interface FocusProbe {
  look(el: Element): string;
  stops: { el: Element; focused: string }[];
}

interface Offence {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string; html: string }[];
}

/** Runs axe on the whole page and returns its WCAG 2.1 A/AA violations, less the waivers. */
async function violations(page: Page): Promise<Offence[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  // Axe leaves some checks to a person (text over an image or a gradient, for one): list them on
  // demand, for a manual look.
  if (process.env.PEAKLAB_A11Y_REVIEW) {
    for (const r of results.incomplete) {
      console.log(`needs review: ${r.id}: ${r.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  const found: Offence[] = [];
  for (const v of results.violations) {
    const nodes = [];
    for (const node of v.nodes) {
      const target = node.target.map(String).join(' >>> ');
      const waivers = WAIVERS.filter((w) => w.rule === v.id).map((w) => w.selector);
      const waived =
        waivers.length > 0 &&
        (await page
          .locator(target)
          .first()
          .evaluate((el, selectors) => selectors.some((s) => el.closest(s) !== null), waivers)
          .catch(() => false));
      if (!waived) {
        nodes.push({ target, summary: node.failureSummary ?? '', html: node.html.slice(0, 200) });
      }
    }
    if (nodes.length > 0) {
      found.push({ id: v.id, impact: v.impact ?? '?', help: v.help, helpUrl: v.helpUrl, nodes });
    }
  }
  return found;
}

/** One line per violation and one per offending element, for a developer to act on. */
function describe(offences: readonly Offence[]): string {
  return offences
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>`,
        ...v.nodes.map(
          (n) => `  - ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`,
        ),
      ].join('\n'),
    )
    .join('\n');
}

/** Axe on the whole page as it stands: no WCAG 2.1 A/AA violation, or a readable list of them. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const offences = await violations(page);
  // The rule ids as the value compared (a short diff), the details in the message.
  expect(
    offences.map((o) => o.id),
    `axe found on ${state}:\n${describe(offences)}`,
  ).toEqual([]);
}

/** Opens a preset and plays it for a few simulated seconds so that the live panels have content. */
async function openAndRun(peaklab: PeakLab, preset: string, seconds = 8): Promise<void> {
  await peaklab.openLesson(preset, { seed: 1 });
  await peaklab.setSpeed('10x');
  await peaklab.play();
  await expect.poll(() => peaklab.seconds(), { timeout: 60_000 }).toBeGreaterThanOrEqual(seconds);
  await peaklab.pause();
}

test.describe('accessibility (axe, WCAG 2.1 A/AA)', () => {
  test("the default preset, running, with a node's details open", async ({ peaklab, page }) => {
    test.setTimeout(120_000);
    await peaklab.open();
    await expectAccessible(page, 'the default preset at t = 0');
    await peaklab.runTo(8);
    // The one live summary of the run for screen readers: the stopped time, not every frame.
    await expect(page.getByTestId('run-summary')).toHaveText(/^Run paused at t = 00:08\.000 of /);
    await expectAccessible(page, 'the default preset at t = 8');

    const params = new ParamPanelUi(page);
    await params.node('station', 'gateway').click();
    await expect(params.details).toBeVisible();
    await expectAccessible(page, 'the default preset with the gateway details open');
  });

  // Seconds to play each: the lunch peak is heavy (hundreds of orders a second), one is enough.
  const LESSONS = { 'lunch-peak': 1, 'circuit-breaker': 10, compensation: 10 };
  for (const [preset, seconds] of Object.entries(LESSONS)) {
    test(`the ${preset} lesson after a few seconds`, async ({ peaklab, page }) => {
      test.setTimeout(120_000);
      await openAndRun(peaklab, preset, seconds);
      await expectAccessible(page, `${preset} at t = ${seconds}`);
    });
  }

  test("an order's story", async ({ peaklab, page }) => {
    test.setTimeout(120_000);
    await openAndRun(peaklab, 'compensation', 10);
    await page.getByRole('radio', { name: 'Latest finished' }).check();
    await page.getByTestId('orders-list-recent').getByRole('button').first().click();
    await expect(page.getByTestId('order-story')).toBeVisible();
    await expectAccessible(page, 'compensation with an order story open');
  });

  test('a trace waterfall', async ({ peaklab, page }) => {
    test.setTimeout(120_000);
    await openAndRun(peaklab, 'timeouts', 10);
    await page.getByTestId('trace-near-time').fill('5');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByTestId('trace-view')).toBeVisible();
    await expectAccessible(page, 'a trace waterfall open');
  });

  test('the A/B comparison and the replications with their results', async ({ peaklab, page }) => {
    test.setTimeout(180_000);
    await peaklab.openLesson('mm8', { seed: 4 });
    await page.getByTestId('compare-change-0-knob').selectOption('stations[0].servers');
    await page.getByTestId('compare-change-0-value').fill('7');
    await page.getByTestId('compare-until').fill('2000');
    await page.getByRole('button', { name: 'Run A and B' }).click();
    await expect(page.getByTestId('compare-offered')).toHaveText(/^offered:/, { timeout: 60_000 });
    await page.getByLabel('Runs (seeds)').fill('2');
    await page.getByLabel('Each to t = (s)').fill('2000');
    await page.getByRole('button', { name: 'Run N seeds' }).click();
    await expect(page.getByTestId('replication-figures')).toContainText('2 runs', {
      timeout: 90_000,
    });
    await expectAccessible(page, 'mm8 with an A/B result and 2 replications');
  });

  test('the inspect views that compute on demand: peak smoothing, correlated arrivals, ladder', async ({
    peaklab,
    page,
  }) => {
    test.setTimeout(180_000);
    await peaklab.openLesson('queue-smoothing', { seed: 1 });
    const peak = page.getByTestId('peak-smoothing');
    const slider = peak.getByRole('slider', { name: 'Peak / consumer capacity' });
    await expect(slider).toBeEnabled();
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(peak.getByTestId('peak-figures')).toBeVisible({ timeout: 30_000 });
    const correlated = page.getByTestId('correlated-arrivals');
    await correlated.getByRole('radio', { name: 'TTLs expiring together' }).check();
    await expect(correlated.getByTestId('correlated-figures')).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page, 'queue-smoothing with the peak and correlated figures');

    await peaklab.openLesson('timeouts', { seed: 1 });
    const rung = page.getByTestId('degradation-ladder').getByRole('slider', { name: 'Rung' });
    await expect(rung).toBeEnabled();
    await rung.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('degradation-figures')).toHaveAttribute('data-level', '1', {
      timeout: 30_000,
    });
    await expectAccessible(page, 'timeouts with a degradation rung computed');
  });

  test('the inspect views that compute on demand: race replay, read-after-write', async ({
    peaklab,
    page,
  }) => {
    test.setTimeout(180_000);
    await peaklab.openLesson('cache-consistency', { seed: 1 });
    await page.getByRole('button', { name: 'Replay the races' }).click();
    await expect(page.getByTestId('race-stale-lockDeleteUpdateReload')).toBeVisible({
      timeout: 30_000,
    });
    await expectAccessible(page, 'cache-consistency with the races replayed');

    await peaklab.openLesson('read-write-split', { seed: 1 });
    await page.getByRole('button', { name: 'Compute the chart' }).click();
    await expect(page.getByTestId('raw-table').locator('tbody tr')).toHaveCount(7, {
      timeout: 30_000,
    });
    await expectAccessible(page, 'read-write-split with the read-after-write chart');
  });

  test('the build-your-own canvas', async ({ peaklab, page }) => {
    test.setTimeout(120_000);
    await peaklab.openLesson('read-write-split');
    await page.getByTestId('builder-toggle').click();
    await expect(page.getByLabel('Scenario JSON')).toBeVisible();
    await page.getByTestId('builder-node-database-orders').click();
    await expect(page.getByTestId('builder-selected')).toContainText('orders');
    await expectAccessible(page, 'the builder open with a database selected');
  });

  test('dark colour scheme', async ({ peaklab, page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    await openAndRun(peaklab, 'circuit-breaker', 10);
    await expectAccessible(page, 'circuit-breaker at t = 10 in the dark scheme');
  });
});

test.describe('keyboard and layout', () => {
  test('every control reached by Tab shows a visible focus indicator', async ({
    peaklab,
    page,
  }) => {
    test.setTimeout(180_000);
    await openAndRun(peaklab, 'circuit-breaker', 3);
    await page.getByTestId('builder-toggle').click();
    await expect(page.getByLabel('Scenario JSON')).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // Tab through the page recording how each stop looks while focused, then how it looks once
    // the focus has moved on. "Look" is the element's outline, shadow, border and background, and
    // the same for what may draw its ring instead: an SVG button's shapes, a radio's label text.
    await page.evaluate(() => {
      const w = window as unknown as FocusProbe;
      w.look = (el) => {
        const parts = [el, ...el.children, el.nextElementSibling].filter(
          (e): e is Element => e !== null,
        );
        return parts
          .map((e) => {
            const c = getComputedStyle(e);
            return [
              c.outlineStyle,
              c.outlineWidth,
              c.outlineColor,
              c.boxShadow,
              c.borderColor,
              c.backgroundColor,
              c.stroke,
              c.strokeWidth,
            ].join(' ');
          })
          .join(' | ');
      };
      w.stops = [];
    });
    // Tab runs off the end of the page (the focus leaves the document) or wraps to the first stop;
    // coming back to any other stop is a keyboard trap.
    let ending = 'more than 400 stops';
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => {
        const w = window as unknown as FocusProbe;
        const el = document.activeElement;
        if (!el || el === document.body || el === w.stops[0]?.el) return 'end of the page';
        const seen = w.stops.findIndex((s) => s.el === el);
        if (seen >= 0) return `trapped: back to stop ${seen} (${el.outerHTML.slice(0, 80)})`;
        w.stops.push({ el, focused: w.look(el) });
        return '';
      });
      if (next !== '') {
        ending = next;
        break;
      }
    }
    expect(ending, 'how the Tab walk ended').toBe('end of the page');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const report = await page.evaluate(() => {
      const w = window as unknown as FocusProbe;
      const name = (e: Element) => {
        const id = e.getAttribute('data-testid') ?? e.id;
        const text = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40);
        return `${e.tagName.toLowerCase()}${id ? ` [${id}]` : ''} "${text}"`;
      };
      const box = (e: Element) => e.getBoundingClientRect();
      return {
        count: w.stops.length,
        unmarked: w.stops.filter((s) => s.focused === w.look(s.el)).map((s) => name(s.el)),
        boxless: w.stops
          .filter((s) => box(s.el).width < 2 || box(s.el).height < 2)
          .map((s) => name(s.el)),
      };
    });
    expect(report.count, 'controls reached by Tab').toBeGreaterThan(30);
    expect(report.unmarked, 'focused controls that look as they do unfocused').toEqual([]);
    expect(report.boxless, 'controls that take the focus but have no visible box').toEqual([]);
  });

  test('at 1280x720 the page never scrolls sideways', async ({ peaklab, page }) => {
    test.setTimeout(120_000);
    for (const preset of ['lunch-rush', 'circuit-breaker', 'compensation', 'read-write-split']) {
      await openAndRun(peaklab, preset, 3);
      if (preset === 'read-write-split') {
        await page.getByTestId('builder-toggle').click();
        await expect(page.getByLabel('Scenario JSON')).toBeVisible();
      }
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(
        scroll,
        `${preset}: page width ${scroll} px in a ${client} px window`,
      ).toBeLessThanOrEqual(client);
    }
  });
});
