import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { collectPageErrors, expect, test } from '../../testing/peaklab';

/** The "Build your own" panel in the words of its controls. */
class BuilderUi {
  readonly toggle: Locator;
  readonly json: Locator;
  readonly errors: Locator;
  readonly status: Locator;
  readonly notice: Locator;
  readonly run: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId('builder-toggle');
    this.json = page.getByLabel('Scenario JSON');
    this.errors = page.getByTestId('builder-error');
    this.status = page.getByTestId('builder-json-status');
    this.notice = page.getByTestId('builder-notice');
    this.run = page.getByRole('button', { name: 'Run this design' });
  }

  node(kind: string, id: string): Locator {
    return this.page.getByTestId(`builder-node-${kind}-${id}`);
  }

  /** The JSON text as the document it shows. */
  async doc(): Promise<{ databases: { replicas: string[] }[]; stations: { id: string }[] }> {
    return JSON.parse(await this.json.inputValue()) as never;
  }
}

test('build your own: add replicas on the canvas, see them in the JSON, fix a bad value, run the design', async ({
  peaklab,
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const pageErrors = collectPageErrors(page);
  const builder = new BuilderUi(page);
  await peaklab.open('?preset=read-write-split');

  await builder.toggle.click();
  await expect(builder.json).toHaveValue(/"name": "read-write-split-custom"/);
  await expect(builder.node('station', 'replica-6')).toHaveCount(0);

  // Select the database with the keyboard, then add two replicas.
  await builder.node('database', 'orders').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('builder-selected')).toHaveText('Selected: database "orders"');
  const addReplica = page.getByRole('button', { name: 'Add replica' });
  await addReplica.click();
  await addReplica.click();
  await expect(builder.node('station', 'replica-7')).toBeVisible();
  expect((await builder.doc()).databases[0]!.replicas.slice(-2)).toEqual([
    'replica-6',
    'replica-7',
  ]);
  await expect(builder.json).toHaveValue(/"id": "replica-7",\n\s+"servers": 32/);

  // A bad value in the JSON: the field's error, the canvas unchanged and locked.
  const valid = await builder.json.inputValue();
  await builder.json.fill(valid.replace('"servers": 2000', '"servers": 0'));
  await expect(builder.errors).toHaveText([
    'stations[0].servers: must be an integer from 1 to 1000000, got 0',
  ]);
  await expect(builder.status).toHaveAttribute('data-valid', 'false');
  await expect(builder.node('station', 'replica-7')).toBeVisible();
  await expect(builder.run).toBeDisabled();
  await expect(addReplica).toBeDisabled();
  await peaklab.keepScreenshot(testInfo, 'builder-invalid-json');

  // Fixed: the error goes, a value typed in the JSON shows on the canvas.
  await builder.json.fill(valid.replace('"servers": 2000', '"servers": 1500'));
  await expect(builder.errors).toHaveCount(0);
  await expect(builder.status).toHaveAttribute('data-valid', 'true');
  await expect(builder.node('station', 'api')).toHaveAccessibleName('service api, 1500 servers');

  // Closed and opened again: nothing lost.
  await builder.toggle.click();
  await expect(builder.json).toHaveCount(0);
  await builder.toggle.click();
  await expect(builder.json).toHaveValue(/"servers": 1500/);
  await expect(builder.node('station', 'replica-7')).toBeVisible();

  // Run it: the new replicas are in the topology and the clock advances.
  await builder.run.click();
  await expect(builder.notice).toHaveText(/Loaded "read-write-split-custom"/);
  await expect(page.getByTestId('topology-station-replica-7')).toBeVisible();
  await expect(peaklab.stationCell('replica-7', 'completed')).toBeVisible();
  await peaklab.setSpeed('10x');
  await peaklab.play();
  await expect.poll(() => peaklab.seconds(), { timeout: 20_000 }).toBeGreaterThan(1);
  await peaklab.pause();
  await expect
    .poll(async () =>
      Number((await peaklab.stationCell('replica-7', 'completed').innerText()).replace(/\D/g, '')),
    )
    .toBeGreaterThan(0);
  await peaklab.keepScreenshot(testInfo, 'builder-design-running');
  expect(pageErrors).toEqual([]);
});

test('build your own: removing a referenced component is refused with the names', async ({
  peaklab,
  page,
}) => {
  const builder = new BuilderUi(page);
  await peaklab.open('?preset=read-write-split');
  await builder.toggle.click();
  await builder.node('database', 'orders').click();
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  // Its lesson's goals may name it too; the service's two steps certainly do.
  await expect(builder.notice).toContainText(
    'Cannot remove database "orders": it is referred to by stations[0].endpoints.read[1].db (in "api"), stations[0].endpoints.write[1].db (in "api")',
  );
  await expect(builder.node('database', 'orders')).toBeVisible();

  // A new service, called from the api's read endpoint: the step appears in the JSON.
  await page.getByRole('button', { name: 'Add service' }).click();
  await expect(builder.node('station', 'service-1')).toBeVisible();
  await builder.node('station', 'api').click();
  await page.getByTestId('builder-connect-target').selectOption({ label: 'service service-1' });
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(builder.notice).toHaveText(
    'Connected "api" (endpoint "read") to service "service-1".',
  );
  await expect(builder.json).toHaveValue(/"kind": "call",\n\s+"to": "service-1"/);
  // Undo and redo: with the buttons, then with the keys while the focus is on the canvas.
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await undo.click();
  await expect(builder.notice).toHaveText(
    'Undone: Connected "api" (endpoint "read") to service "service-1".',
  );
  await expect(builder.json).not.toHaveValue(/"to": "service-1"/);
  await undo.click();
  await expect(builder.node('station', 'service-1')).toHaveCount(0);
  await redo.click();
  await expect(builder.node('station', 'service-1')).toBeVisible();
  await builder.node('station', 'api').focus();
  await page.keyboard.press('Control+Shift+Z');
  await expect(builder.json).toHaveValue(/"kind": "call",\n\s+"to": "service-1"/);
  await page.keyboard.press('Control+Z');
  await expect(builder.json).not.toHaveValue(/"to": "service-1"/);
  await page.keyboard.press('Control+Y');
  await expect(builder.json).toHaveValue(/"kind": "call",\n\s+"to": "service-1"/);
  await expect(redo).toBeDisabled();
  // Inside the JSON the textarea keeps its own undo: Ctrl+Z there is not the design's.
  await builder.json.focus();
  await page.keyboard.press('Control+Z');
  await expect(builder.node('station', 'service-1')).toBeVisible();
  await expect(redo).toBeDisabled();

  // Now something refers to it: removing it is refused, naming the step.
  await builder.node('station', 'service-1').click();
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(builder.notice).toHaveText(
    'Cannot remove service "service-1": it is referred to by stations[0].endpoints.read[2].to (in "api")',
  );

  // Export: the file is the JSON shown, named after the design.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('read-write-split-custom.json');
  const file = await download.path();
  expect(readFileSync(file, 'utf8')).toBe(await builder.json.inputValue());
});

/** A box's place on the canvas, from its transform. */
async function placeOf(box: Locator): Promise<{ x: number; y: number }> {
  const transform = (await box.getAttribute('transform')) ?? '';
  const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(transform);
  if (!match) throw new Error(`no translate in "${transform}"`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

test('build your own: boxes move by dragging and with the arrow keys; arrows say what they are', async ({
  peaklab,
  page,
}) => {
  const pageErrors = collectPageErrors(page);
  const builder = new BuilderUi(page);
  await peaklab.open('?preset=read-write-split');
  await builder.toggle.click();

  // Every arrow is labelled in words: endpoint and step kind, or what a part is.
  const labels = page.locator('.builder-edge-label');
  await expect(labels.filter({ hasText: /^read → dbRead$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^write → dbWrite$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^requests \(read\)$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^replica$/ })).toHaveCount(5);

  // Dragged with the pointer: the box moves, the JSON does not change, and it is no undo step.
  const api = builder.node('station', 'api');
  const json = await builder.json.inputValue();
  const start = await placeOf(api);
  await api.scrollIntoViewIfNeeded();
  const box = (await api.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 90, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => placeOf(api)).toEqual({ x: start.x + 60, y: start.y + 90 });
  await expect(builder.json).toHaveValue(json);
  await expect(builder.status).toHaveAttribute('data-valid', 'true');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  // A drag is no click: nothing was selected by it.
  await expect(page.getByTestId('builder-selected')).toHaveCount(0);

  // With the keyboard: the arrows move the focused box (and do not step the simulation).
  await api.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => placeOf(api)).toEqual({ x: start.x + 70, y: start.y + 140 });
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '0');
  await expect(api).toBeFocused();
  await expect(builder.json).toHaveValue(json);

  // The design changes: the moved box stays where it was put, the new one gets a place.
  await page.getByRole('button', { name: 'Add service' }).click();
  await expect(builder.node('station', 'service-1')).toBeVisible();
  expect(await placeOf(api)).toEqual({ x: start.x + 70, y: start.y + 140 });
  expect(pageErrors).toEqual([]);
});
