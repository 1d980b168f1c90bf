import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { RunReport } from '../../../sim/metrics/runReport';
import { download, FaultPanelUi } from './faultPanel';
import { readFigure } from '../../../testing/reportFigure';

/** A fault as the Fault panel schedules it: its kind, its fields by name, and `at` (omitted: now). */
export type FaultRequest = { kind: string; at?: number } & Record<string, string | number>;

/** The sandbox page in the words of its controls: a page object for the e2e tests. */
export class PeakLab {
  readonly picker: Locator;
  readonly seedInput: Locator;
  readonly seedError: Locator;
  readonly playPause: Locator;
  readonly stepEvent: Locator;
  readonly stepSecond: Locator;
  readonly reset: Locator;
  readonly exportJson: Locator;
  readonly clock: Locator;
  readonly status: Locator;
  readonly errorBanners: Locator;
  readonly appliedSeed: Locator;
  readonly runToInput: Locator;
  readonly runToButton: Locator;
  readonly runToError: Locator;

  constructor(readonly page: Page) {
    this.picker = page.getByLabel('Scenario');
    this.seedInput = page.getByLabel('Seed', { exact: true });
    this.seedError = page.getByTestId('seed-error');
    this.playPause = page.getByTestId('play-pause');
    this.stepEvent = page.getByRole('button', { name: 'Step event' });
    this.stepSecond = page.getByRole('button', { name: 'Step 1 s' });
    this.reset = page.getByRole('button', { name: 'Reset', exact: true });
    this.exportJson = page.getByRole('button', { name: 'Export JSON' });
    this.clock = page.getByTestId('sim-clock');
    this.status = page.getByTestId('run-status');
    this.errorBanners = page.getByTestId('error-banner');
    this.appliedSeed = page.getByTestId('applied-seed');
    this.runToInput = page.getByLabel('Run to (s)');
    this.runToButton = page.getByTestId('run-to-submit');
    this.runToError = page.getByTestId('run-to-error');
  }

  /** Opens the page (with an optional query string) and waits until a scenario is loaded. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await this.waitForStatus('paused');
  }

  async waitForStatus(status: string, timeout = 15_000): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', status, { timeout });
  }

  async scenarioName(): Promise<string> {
    return this.picker.inputValue();
  }

  async setSpeed(speed: '1x' | '10x' | '100x' | '1000x' | 'max'): Promise<void> {
    await this.page.getByRole('radio', { name: speed, exact: true }).check();
  }

  async play(): Promise<void> {
    await expect(this.playPause).toHaveText('Play');
    await this.playPause.click();
  }

  async pause(): Promise<void> {
    await expect(this.playPause).toHaveText('Pause');
    await this.playPause.click();
    await this.waitForStatus('paused');
  }

  /** Runs at max speed until the run reports it is finished. */
  async runToEnd(timeout = 60_000): Promise<void> {
    await this.setSpeed('max');
    await this.play();
    await this.waitForStatus('finished', timeout);
  }

  /** The simulated clock in seconds, exactly as the store holds it. */
  async seconds(): Promise<number> {
    return Number(await this.clock.getAttribute('data-seconds'));
  }

  /** Opens a lesson by its preset name, with a seed (omitted: the lesson's own). */
  async openLesson(name: string, { seed }: { seed?: number } = {}): Promise<void> {
    const query = new URLSearchParams({ preset: name });
    if (seed !== undefined) query.set('seed', String(seed));
    await this.open(`?${query.toString()}`);
    await expect(this.picker).toHaveValue(name);
  }

  /**
   * Schedules a fault through the Fault panel, as a person would: its kind, each field given by
   * the name the scenario's `faults` entry uses (`db`, `promotionDelay`, `station`, `factor`...;
   * the others keep the form's values), then "Inject at t" (or "Inject now" without `at`).
   * Throws with the panel's messages when the fault is refused.
   */
  async scheduleFault({ kind, at, ...fields }: FaultRequest): Promise<void> {
    const panel = new FaultPanelUi(this.page);
    const before = await panel.injected.count();
    const offered = await panel.kind
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    if (!offered.includes(kind)) {
      throw new Error(
        `scheduleFault: this lesson offers no "${kind}" (it offers ${offered.join(', ')})`,
      );
    }
    await panel.kind.selectOption(kind);
    for (const [name, value] of Object.entries(fields)) {
      const field = this.page.getByTestId(`fault-${name}`);
      const tag = await field.evaluate((node) => node.tagName);
      if (tag === 'SELECT') await field.selectOption(String(value));
      else await field.fill(String(value));
    }
    if (at === undefined) await panel.injectNow.click();
    else {
      await panel.at.fill(String(at));
      await panel.injectAt.click();
    }
    const refused = this.page.locator('.fault-form [role="alert"]');
    await expect(panel.injected.nth(before).or(refused.first())).toBeVisible();
    if ((await panel.injected.count()) <= before) {
      throw new Error(`the fault was refused: ${(await refused.allInnerTexts()).join('; ')}`);
    }
  }

  /**
   * Runs the simulated clock to exactly `seconds` (fractions too: 37.25) through the page's
   * "Run to" field, as a person would: the worker runs there as fast as it goes and stops on that
   * time, not a frame later; the clock, charts and report then read as after stepping there.
   * Throws with the page's message when the time is refused (not after now, or past the end).
   */
  async runTo(seconds: number): Promise<void> {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
      throw new RangeError(`runTo: seconds must be a finite number, got ${seconds}`);
    }
    // String(number) gives back the same double, so the clock can be compared as text.
    const text = String(seconds);
    await this.runToInput.fill(text);
    await this.runToInput.press('Enter');
    const arrived = this.page.locator(`[data-testid="sim-clock"][data-seconds="${text}"]`);
    await expect(arrived.or(this.runToError)).toBeVisible({ timeout: 60_000 + 20 * seconds });
    if (await this.runToError.isVisible()) {
      throw new RangeError(`runTo(${seconds}): ${await this.runToError.innerText()}`);
    }
    // Paused (or finished) on that time, with the field ready for the next run.
    await expect(this.status).not.toHaveAttribute('data-status', 'playing');
    await expect(this.runToButton).toHaveText('Run');
  }

  /** The run so far as "Export JSON" downloads it: the CLI's --json document. */
  async report(): Promise<RunReport> {
    const { text } = await download(this.page, this.exportJson);
    return JSON.parse(text) as RunReport;
  }

  /**
   * One figure of the run so far, by its path in the exported report:
   * 'sources.customers.latency.p99', 'orders.orders.stuckAtEnd', 'databases.orders-db.lostWrites'.
   * Throws naming the path and what exists there when it is no figure.
   */
  async figure(path: string): Promise<number | null> {
    return readFigure(await this.report(), path);
  }

  stationCell(station: string, column: string): Locator {
    return this.page.getByTestId(`stations-${station}-${column}`);
  }

  sourceCell(source: string, column: string): Locator {
    return this.page.getByTestId(`sources-${source}-${column}`);
  }

  /** A full-page screenshot kept as an artefact of the test. */
  async keepScreenshot(testInfo: TestInfo, name: string): Promise<void> {
    const path = testInfo.outputPath(`${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  }
}

/** Collects console errors and uncaught page errors, to assert none happened. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
