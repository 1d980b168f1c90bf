import { writeFile } from 'node:fs/promises';
import { collectPageErrors, expect, test } from '../../testing/peaklab';
import { download } from './helpers/faultPanel';

/** Splits CSV text into rows of cells; the series CSV has no quoted cells (ids are plain). */
const csvRows = (text: string) =>
  text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));

test('the time series download as CSV: a header row, then one row per bucket', async ({
  peaklab,
  page,
}) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await peaklab.open('?preset=circuit-breaker&seed=4');
  await peaklab.runToEnd();

  const csv = await download(page, page.getByRole('button', { name: 'Export CSV' }));
  expect(csv.file.suggestedFilename()).toBe('circuit-breaker-seed4-series.csv');
  const [header, ...rows] = csvRows(csv.text);
  const report = JSON.parse((await download(page, peaklab.exportJson)).text) as {
    series: { t: number[]; stations: Record<string, { throughput: number[] }> };
  };
  expect(header![0]).toBe('t');
  expect(header).toContain('stations.recommendations.throughput');
  expect(header).toContain('sources.orders.latencyP99');
  expect(new Set(header).size).toBe(header!.length);
  expect(rows).toHaveLength(report.series.t.length);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  expect(rows.map((r) => Number(r[0]))).toEqual(report.series.t);
  const column = header!.indexOf('stations.recommendations.throughput');
  expect(rows.map((r) => Number(r[column]))).toEqual(
    report.series.stations.recommendations!.throughput,
  );
  expect(errors).toEqual([]);
});

test('a chart downloads as SVG (well-formed XML, title, legend, lines) and as PNG', async ({
  peaklab,
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await peaklab.open('?preset=timeouts&seed=2');
  await peaklab.runToEnd();

  const svg = await download(page, page.getByTestId('chart-latency-svg'));
  expect(svg.file.suggestedFilename()).toBe('timeouts-seed2-latency.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: root.localName,
      namespace: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      texts: Array.from(root.getElementsByTagName('text'), (t) => t.textContent ?? ''),
      lines: Array.from(root.querySelectorAll('g.lines path'), (p) => p.getAttribute('d') ?? ''),
    };
  }, svg.text);
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe('svg');
  expect(parsed.namespace).toBe('http://www.w3.org/2000/svg');
  expect(parsed.width).toBeGreaterThan(200);
  expect(parsed.texts).toContain(
    'Client latency, end to end: p50 (dotted), p95 (dashed), p99 (solid)',
  );
  expect(parsed.texts).toContain('menu-users p99');
  expect(parsed.lines).toHaveLength(6);
  for (const d of parsed.lines) expect(d.length).toBeGreaterThan(20);

  const png = await download(page, page.getByTestId('chart-latency-png'));
  expect(png.file.suggestedFilename()).toBe('timeouts-seed2-latency.png');
  expect(png.bytes.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  // IHDR: width and height, drawn at twice the chart's size.
  expect(png.bytes.readUInt32BE(16)).toBe(parsed.width * 2);
  expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(100);
  // Kept, to look at: the PNG as downloaded.
  const path = testInfo.outputPath('latency-chart.png');
  await writeFile(path, png.bytes);
  await testInfo.attach('latency-chart', { path, contentType: 'image/png' });
  expect(errors).toEqual([]);
});

test('the topology downloads as SVG and PNG, arrows and live numbers included', async ({
  peaklab,
  page,
}, testInfo) => {
  const errors = collectPageErrors(page);
  await peaklab.open('?preset=timeouts&seed=2');
  for (let i = 0; i < 3; i++) await peaklab.stepSecond.click();
  await expect(peaklab.clock).toHaveAttribute('data-seconds', '3');

  const svg = await download(page, page.getByTestId('chart-topology-svg'));
  expect(svg.file.suggestedFilename()).toBe('timeouts-seed2-topology.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      texts: Array.from(doc.getElementsByTagName('text'), (t) => t.textContent ?? ''),
      arrows: doc.querySelectorAll('path.topology-edge').length,
      marker: doc.getElementById('topology-arrow') !== null,
    };
  }, svg.text);
  expect(parsed.error).toBe(false);
  expect(parsed.texts).toEqual(expect.arrayContaining(['api', 'payment', 'menu-users']));
  expect(parsed.texts.some((t) => /^busy \d+ of \d+ · queue \d+$/.test(t))).toBe(true);
  expect(parsed.texts.some((t) => /^[\d,.]+ req\/s$/.test(t))).toBe(true);
  expect(parsed.arrows).toBeGreaterThanOrEqual(3);
  expect(parsed.marker).toBe(true);

  const png = await download(page, page.getByTestId('chart-topology-png'));
  expect(png.file.suggestedFilename()).toBe('timeouts-seed2-topology.png');
  expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  const path = testInfo.outputPath('topology.png');
  await writeFile(path, png.bytes);
  await testInfo.attach('topology', { path, contentType: 'image/png' });
  expect(errors).toEqual([]);
});
