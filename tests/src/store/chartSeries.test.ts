import { describe, expect, it } from 'vitest';
import { api } from '../../../sim/worker/api';
import { PRESETS } from '../../../sim/scenarios/presets';
import { lastBucketLatency, toChartSeries } from '../../../src/store/chartSeries';
import { layoutOf, seriesFieldCounts, type SnapshotLayout } from '../../../src/store/layout';
import { emptySeries, mergeSeries, type SeriesBuffer } from '../../../src/store/seriesBuffer';

const layout: SnapshotLayout = {
  stationIds: ['db'],
  sourceIds: ['users'],
  stationFields: [],
  sourceFields: [],
  stationSeriesFields: ['completed', 'latencySum', 'busyArea', 'capacityArea', 'queueArea'],
  sourceSeriesFields: ['offered', 'successes'],
  cacheIds: [],
  topicIds: [],
  cacheSeriesFields: [],
  topicSeriesFields: [],
};

/** Two buckets of 10 s; the run ended at 15 s, so the second one is 5 s wide. */
const buffer: SeriesBuffer = {
  resolution: 0,
  bucketSeconds: 10,
  buckets: 2,
  columns: [
    [
      [20, 10],
      [4, 0],
      [15, 5],
      [20, 10],
      [30, 0],
    ].map((v) => Float64Array.from(v)),
    [
      [30, 10],
      [20, 5],
    ].map((v) => Float64Array.from(v)),
  ],
};

describe('toChartSeries', () => {
  it('turns bucket increments into rates and averages, the last bucket by its own width', () => {
    const chart = toChartSeries(buffer, layout, 15);
    expect(chart.t).toEqual([0, 10]);
    const [db] = chart.stations;
    expect(db!.throughput).toEqual([2, 2]);
    expect(db!.utilisation).toEqual([0.75, 0.5]);
    expect(db!.meanLatency[0]).toBeCloseTo(0.2, 15);
    expect(db!.meanLatency[1]).toBe(0);
    expect(db!.queueLength).toEqual([3, 0]);
    expect(chart.sources[0]!.offered).toEqual([3, 2]);
    expect(chart.sources[0]!.goodput).toEqual([2, 1]);
    // The layout has no percentile fields: no numbers are made up for them.
    expect(chart.sources[0]!.latencyP99.every(Number.isNaN)).toBe(true);
  });

  it('has no latency for a bucket where nothing completed', () => {
    const idle: SeriesBuffer = {
      ...buffer,
      columns: [
        [
          [0, 0],
          [0, 0],
          [0, 0],
          [10, 10],
          [0, 0],
        ].map((v) => Float64Array.from(v)),
        buffer.columns[1]!,
      ],
    };
    const chart = toChartSeries(idle, layout, 20);
    expect(chart.stations[0]!.meanLatency.every(Number.isNaN)).toBe(true);
    expect(chart.stations[0]!.utilisation).toEqual([0, 0]);
    expect(lastBucketLatency(idle, layout)).toEqual([null]);
    expect(lastBucketLatency(buffer, layout)).toEqual([0]);
  });

  it('a missing field gives NaN rather than a wrong number', () => {
    const chart = toChartSeries(buffer, { ...layout, sourceSeriesFields: ['offered'] }, 15);
    expect(chart.sources[0]!.goodput.every(Number.isNaN)).toBe(true);
  });

  it('agrees with the CLI report’s series for a real run', () => {
    const loaded = api.load(PRESETS['erlang-b'], 3);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const l = layoutOf(loaded);
    let snapshot = api.snapshot(0, -1);
    let series = mergeSeries(
      emptySeries(seriesFieldCounts(l)),
      snapshot.series,
      seriesFieldCounts(l),
    );
    while (!snapshot.done) {
      snapshot = api.advance(Infinity, Infinity, series.buckets, series.resolution);
      series = mergeSeries(series, snapshot.series, seriesFieldCounts(l));
    }
    const chart = toChartSeries(series, l, snapshot.now);
    const report = api.report().series;
    const six = (xs: readonly number[]) =>
      xs.map((x) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : 0));
    expect(chart.t).toEqual(report.t);
    const pool = report.stations.pool!;
    expect(six(chart.stations[0]!.throughput)).toEqual(pool.throughput);
    expect(six(chart.stations[0]!.utilisation)).toEqual(pool.utilization);
    expect(six(chart.stations[0]!.meanLatency)).toEqual(pool.meanLatency);
    expect(six(chart.stations[0]!.queueLength)).toEqual(pool.meanQueueLength);
    expect(six(chart.sources[0]!.goodput)).toEqual(report.sources.arrivals!.goodput);
    expect(lastBucketLatency(series, l)[0]).toBeCloseTo(pool.meanLatency!.at(-1)!, 4);
  });

  it('cache hit ratio and topic lag per bucket, as the CLI report has them', () => {
    for (const preset of ['warm-up', 'queue-smoothing']) {
      const loaded = api.load(PRESETS[preset], 5);
      if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
      const l = layoutOf(loaded);
      let series = emptySeries(seriesFieldCounts(l));
      let snapshot = api.snapshot(0, -1);
      series = mergeSeries(series, snapshot.series, seriesFieldCounts(l));
      while (!snapshot.done) {
        snapshot = api.advance(Infinity, Infinity, series.buckets, series.resolution);
        series = mergeSeries(series, snapshot.series, seriesFieldCounts(l));
      }
      const chart = toChartSeries(series, l, snapshot.now);
      const report = api.report().series;
      const six = (xs: readonly number[]) =>
        xs.map((x) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : 0));
      expect(chart.caches.map((c) => c.id)).toEqual(Object.keys(report.caches));
      chart.caches.forEach((c) => expect(six(c.hitRatio)).toEqual(report.caches[c.id]!.hitRatio));
      expect(chart.topics.map((t) => t.id)).toEqual(Object.keys(report.topics));
      chart.topics.forEach((t) => expect(t.lag).toEqual(report.topics[t.id]!.lag));
      // Percentiles come straight from the worker's buckets, ordered within each bucket.
      for (const s of [...chart.stations, ...chart.sources]) {
        s.latencyP50.forEach((p50, i) => {
          if (Number.isNaN(p50)) return;
          expect(p50).toBeLessThanOrEqual(s.latencyP95[i]!);
          expect(s.latencyP95[i]).toBeLessThanOrEqual(s.latencyP99[i]!);
        });
      }
      expect(chart.sources[0]!.latencyP99.some(Number.isFinite)).toBe(true);
    }
  });
});
