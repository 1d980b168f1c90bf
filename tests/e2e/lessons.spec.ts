import { collectPageErrors, expect, test } from '../../testing/peaklab';
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The Lesson panel in the words of the page. */
class LessonUi {
  readonly text: Locator;
  readonly errors: Locator;
  readonly loaded: Locator;
  readonly file: Locator;
  readonly url: Locator;
  readonly loadUrl: Locator;
  readonly score: Locator;

  constructor(readonly page: Page) {
    this.text = page.getByTestId('lesson-text');
    this.errors = page.getByTestId('lesson-errors');
    this.loaded = page.getByTestId('lesson-loaded');
    this.file = page.getByLabel('Load lesson from file');
    this.url = page.getByLabel('Lesson URL');
    this.loadUrl = page.getByRole('button', { name: 'Load lesson from URL' });
    this.score = page.getByTestId('lesson-score-value');
  }

  status(goal: string) {
    return this.page.getByTestId(`goal-${goal}-status`);
  }
  at(goal: string) {
    return this.page.getByTestId(`goal-${goal}-at`);
  }
  reason(goal: string) {
    return this.page.getByTestId(`goal-${goal}-reason`);
  }

  async loadFile(name: string, doc: unknown): Promise<void> {
    await this.file.setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(doc)),
    });
  }
}

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** A preset's document as its file holds it (Playwright's loader takes no JSON imports). */
const preset = (name: string): Doc =>
  JSON.parse(readFileSync(`sim/scenarios/presets/${name}.json`, 'utf8')) as Doc;

test('a goal met on the run as shipped turns broken when a fault is injected from the fault panel', async ({
  peaklab,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const lesson = new LessonUi(page);
  await peaklab.openLesson('circuit-breaker');
  await expect(lesson.text).toContainText('Goals: from t = 35 s');
  await expect(lesson.status('orders-p99')).toHaveText(/Pending/);

  // As shipped: the breaker keeps the orders fast.
  await peaklab.runToEnd();
  await expect(lesson.status('orders-p99')).toHaveAttribute('data-status', 'met');
  await expect(lesson.status('orders-p99')).toHaveText(/✓\s*Met/);
  await expect(lesson.reason('orders-p99')).toContainText('held from t = 35.0 s to 150.0 s');

  // The same run with the api itself slowed down from t = 60 s: no breaker helps with that.
  await peaklab.reset.click();
  await expect(lesson.status('orders-p99')).toHaveAttribute('data-status', 'pending');
  await peaklab.scheduleFault({
    kind: 'slowdown',
    station: 'api',
    factor: 10,
    duration: 20,
    at: 60,
  });
  await peaklab.runToEnd();
  await expect(lesson.status('orders-p99')).toHaveAttribute('data-status', 'broken');
  await expect(lesson.status('orders-p99')).toHaveText(/✗\s*Broken/);
  await expect(lesson.at('orders-p99')).toHaveText('broke at t = 61.0 s');
  await expect(lesson.reason('orders-p99')).toHaveText(
    /^p99 0\.\d{3} s > 0\.100 s in t = 60\.0-61\.0 s$/,
  );
  // The other goal still holds: the slowdown costs latency, not orders.
  await expect(lesson.status('orders-succeed')).toHaveAttribute('data-status', 'met');
  await page
    .getByTestId('lesson-panel')
    .screenshot({ path: testInfo.outputPath('lesson-broken.png') });
  expect(errors).toEqual([]);
});

test('a lesson file with a bad field shows the validator’s messages and the run goes on', async ({
  peaklab,
  page,
}) => {
  const errors = collectPageErrors(page);
  const lesson = new LessonUi(page);
  await peaklab.openLesson('circuit-breaker');

  const bad = preset('timeouts');
  bad.lesson.goals[0].percentile = 90;
  bad.lesson.goals[1].source = 'nobody';
  await lesson.loadFile('bad-lesson.json', bad);
  await expect(lesson.errors).toContainText(
    'lesson.goals[0].percentile: must be 50, 95 or 99, got 90',
  );
  await expect(lesson.errors).toContainText(
    'lesson.goals[1].source: unknown source "nobody" (sources are "menu-users", "order-users")',
  );
  // The previous scenario is still loaded and runs.
  await expect(lesson.text).toContainText('Goals: from t = 35 s');
  await peaklab.stepSecond.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '1');

  // Not JSON at all.
  await lesson.file.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ "lesson": '),
  });
  await expect(lesson.errors).toContainText('broken.json: not valid JSON');

  // Fixed, it loads: its text and goals replace the old ones.
  const good = preset('timeouts');
  good.name = 'my-timeouts';
  good.lesson.text = 'A trainer’s own lesson: keep the menu fast.';
  await lesson.loadFile('my-lesson.json', good);
  await expect(lesson.loaded).toHaveText('Loaded my-lesson.json.');
  await expect(lesson.errors).toHaveCount(0);
  await expect(lesson.text).toHaveText('A trainer’s own lesson: keep the menu fast.');
  await expect(lesson.status('menu-p99')).toHaveAttribute('data-status', 'pending');
  expect(errors).toEqual([]);
});

test('a lesson shared by address loads, and its goals break as its text says', async ({
  peaklab,
  page,
}) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  const lesson = new LessonUi(page);
  const shared = preset('cache-consistency');
  await page.route('**/shared/consistency-lesson.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(shared) }),
  );
  await peaklab.openLesson('mm1');
  await expect(page.getByTestId('lesson-none')).toBeVisible();
  await lesson.url.fill('/shared/consistency-lesson.json');
  await lesson.loadUrl.click();
  await expect(lesson.loaded).toContainText('consistency-lesson.json');
  await peaklab.runToEnd();
  await expect(lesson.status('no-stale-read')).toHaveAttribute('data-status', 'broken');
  await expect(lesson.at('no-stale-read')).toHaveText('broke at t = 2.0 s');

  await lesson.url.fill('ftp://example.org/x.json');
  await lesson.loadUrl.click();
  await expect(lesson.errors).toContainText('lesson URL: must be an http or https address');
  expect(errors).toEqual([]);
});

test('the challenge score shows, and a knob button takes the keyboard to its field', async ({
  peaklab,
  page,
}) => {
  const lesson = new LessonUi(page);
  await peaklab.openLesson('read-write-split');
  // 6 database stations x 32 connections x $0.05 + 5 replicas x $2.
  await expect(lesson.score).toHaveText('$19.60 per hour');
  await expect(page.getByTestId('lesson-score-state')).toHaveText(
    '(counts once every goal is met)',
  );

  await page
    .getByTestId('lesson-knobs')
    .getByRole('button', { name: 'stations[1].servers' })
    .click();
  await expect(page.locator('[id="param-stations[1].servers"]')).toBeFocused();
});

test('a lesson shared as a link (?lesson=<address>) opens after the page’s own run', async ({
  page,
}) => {
  const lesson = new LessonUi(page);
  const shared = preset('cache-consistency');
  await page.route('**/shared/consistency-lesson.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(shared) }),
  );
  await page.goto('/?preset=mm1&lesson=%2Fshared%2Fconsistency-lesson.json');
  await expect(lesson.text).toContainText('Goal: no stale read served by the order cache.', {
    timeout: 15_000,
  });
  await expect(lesson.url).toHaveValue('/shared/consistency-lesson.json');
  expect(new URL(page.url()).searchParams.get('lesson')).toBe('/shared/consistency-lesson.json');

  // Another scenario drops the parameter: the address never names a lesson no longer shown.
  await page.getByLabel('Scenario').selectOption('timeouts');
  await expect(lesson.text).toContainText('Goals: the menu');
  await expect.poll(() => new URL(page.url()).searchParams.get('lesson')).toBeNull();
});
