import { expect, type Locator, type Page } from '@playwright/test';

/** The parameter panel and the node details in the words of the page: a page object. */
export class ParamPanelUi {
  readonly apply: Locator;
  readonly revert: Locator;
  readonly appliedEdits: Locator;
  readonly details: Locator;

  constructor(readonly page: Page) {
    this.apply = page.getByTestId('param-apply');
    this.revert = page.getByRole('button', { name: 'Undo all edits' });
    this.appliedEdits = page.getByTestId('applied-edits').locator('li');
    this.details = page.getByRole('dialog');
  }

  /** A knob's input, by the field path the validator names it by (`stations[1].servers`). */
  field(key: string): Locator {
    return this.page.getByTestId(`param-${key}`);
  }

  /** The message shown beside a knob. */
  errorOf(key: string): Locator {
    return this.page.getByTestId(`param-${key}-error`);
  }

  /** Types values into knobs and applies them; waits until the run reloaded with them. */
  async edit(values: Record<string, string>): Promise<void> {
    for (const [key, text] of Object.entries(values)) await this.field(key).fill(text);
    await this.apply.click();
    for (const [key, text] of Object.entries(values)) {
      await expect(this.appliedEdits.filter({ hasText: key })).toContainText(`= ${text}`);
    }
  }

  /** A topology box: a source or a station. */
  node(kind: 'source' | 'station', id: string): Locator {
    return this.page.getByTestId(`topology-${kind}-${id}`);
  }
}
