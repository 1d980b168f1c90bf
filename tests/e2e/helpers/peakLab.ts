import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

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
