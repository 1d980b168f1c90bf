import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** The fault controls in the words of the page: a page object for the fault tests. */
export class FaultPanelUi {
  readonly kind: Locator;
  readonly at: Locator;
  readonly injectNow: Locator;
  readonly injectAt: Locator;
  readonly done: Locator;
  readonly injected: Locator;
  readonly exportScenario: Locator;

  constructor(readonly page: Page) {
    this.kind = page.getByLabel('Fault', { exact: true });
    this.at = page.getByLabel('At t = (s)');
    this.injectNow = page.getByRole('button', { name: 'Inject now' });
    this.injectAt = page.getByRole('button', { name: 'Inject at t' });
    this.done = page.getByTestId('fault-done');
    this.injected = page.getByTestId('injected-faults').locator('li');
    this.exportScenario = page.getByRole('button', { name: 'Export scenario' });
  }

  /** A parameter's input, by its label. */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The message shown beside a field (by the field's name in the fault, e.g. "factor"). */
  errorOf(name: string): Locator {
    return this.page.getByTestId(`fault-${name}-error`);
  }

  async choose(kindLabel: string): Promise<void> {
    await this.kind.selectOption({ label: kindLabel });
  }
}

/** Clicks `button` and returns the file it downloads, with its text. */
export async function download(
  page: Page,
  button: Locator,
): Promise<{ file: Download; bytes: Buffer; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = await readFile(await file.path());
  return { file, bytes, text: bytes.toString('utf8') };
}

/** The `d` attribute of every line in a chart: what the chart shows, as drawn. */
export async function chartLines(page: Page, chart: string): Promise<string[]> {
  const paths = page.getByTestId(`chart-${chart}`).locator('g.lines path');
  await expect(paths.first()).toHaveAttribute('d', /M/);
  return paths.evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
}
