import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../sim/scenarios/presets';
import { api } from '../../../sim/worker/api';
import { outcomeLines } from '../../../src/charts/outcomeLines';
import { toChartSeries } from '../../../src/store/chartSeries';
import { layoutOf, seriesFieldCounts } from '../../../src/store/layout';
import { emptySeries, mergeSeries } from '../../../src/store/seriesBuffer';

/** Runs a preset through the worker API as the page does and returns its chart series. */
function chartOf(preset: string, seed: number) {
  const loaded = api.load(PRESETS[preset], seed);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const layout = layoutOf(loaded);
  const counts = seriesFieldCounts(layout);
  let snapshot = api.snapshot(0, -1);
  let series = mergeSeries(emptySeries(counts), snapshot.series, counts);
  while (!snapshot.done) {
    snapshot = api.advance(Infinity, Infinity, series.buckets, series.resolution);
    series = mergeSeries(series, snapshot.series, counts);
  }
  return { layout, chart: toChartSeries(series, layout, snapshot.now), report: api.report() };
}

describe('goodput by outcome', () => {
  // Payment slows down with no call timeout: menu requests time out at the client.
  const { layout, chart, report } = chartOf('timeouts', 2);
  const width = (i: number) => Math.min(chart.bucketSeconds, report.simulatedSeconds - chart.t[i]!);
  const total = (perSecond: readonly number[]) =>
    Math.round(perSecond.reduce((sum, v, i) => sum + v * width(i), 0));

  it('splits each bucket’s failures by reason, adding up to the report’s failures', () => {
    for (const source of chart.sources) {
      const { timeout, rejected, unavailable, error } = source.failures;
      const perBucket = timeout.map((v, i) =>
        Math.round((v + rejected[i]! + unavailable[i]! + error[i]!) * width(i)),
      );
      expect(perBucket).toEqual(report.series.sources[source.id]!.failures);
      const finals = report.sources[source.id]!.failures;
      expect({
        timeout: total(timeout),
        rejected: total(rejected),
        unavailable: total(unavailable),
        error: total(error),
      }).toEqual(finals);
    }
    expect(report.sources['menu-users']!.failures.timeout).toBeGreaterThan(0);
  });

  it('draws ok and the four failure reasons, one source or all of them summed', () => {
    const one = outcomeLines('menu-users')(layout);
    expect(one.map((l) => l.label)).toEqual([
      'ok',
      'timeout',
      'rejected (queue full, shed)',
      'unavailable',
      'error',
    ]);
    expect(one[1]!.values(chart)).toBe(chart.sources[0]!.failures.timeout);
    const all = outcomeLines(null)(layout);
    const okAll = all[0]!.values(chart)!;
    okAll.forEach((v, i) =>
      expect(v).toBeCloseTo(chart.sources[0]!.goodput[i]! + chart.sources[1]!.goodput[i]!, 9),
    );
    expect(new Set([...one, ...all].map((l) => l.key)).size).toBe(10);
  });
});
