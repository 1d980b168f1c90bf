import { describe, expect, it } from 'vitest';
import { api } from '../../../sim/worker/api';
import { PRESETS } from '../../../sim/scenarios/presets';
import { lastBucketLatency, toChartSeries } from '../../../src/store/chartSeries';
import {
  EMPTY_LAYOUT,
  layoutOf,
  seriesFieldCounts,
  type SnapshotLayout,
} from '../../../src/store/layout';
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

  it('order states, replication lag and breaker states per bucket, as the CLI report has them', () => {
    const six = (xs: readonly number[]) =>
      xs.map((x) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : 0));
    for (const preset of ['compensation', 'read-write-split', 'circuit-breaker']) {
      const loaded = api.load(PRESETS[preset], 2);
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
      expect(six(chart.t)).toEqual(report.t);

      expect(chart.orders.map((o) => o.id)).toEqual(Object.keys(report.orders ?? {}));
      for (const o of chart.orders) {
        const r = report.orders![o.id]!;
        expect(o.states.map((s) => s.name)).toContain('capturingPayment');
        o.states.forEach((s) => expect(six(s.values), s.name).toEqual(r[s.name]));
        // The report counts per bucket; the chart shows them per second.
        // Every counter the report has (a counter newly added to the series may not be there yet).
        expect(o.rates.map((rate) => rate.name)).toEqual(
          expect.arrayContaining(['created', 'completed', 'compensated', 'compensationsByScanner']),
        );
        for (const rate of o.rates.filter((rate) => rate.name in r)) {
          const counts = rate.values.map(
            (v, i) => v * Math.min(chart.bucketSeconds, snapshot.now - chart.t[i]!),
          );
          expect(six(counts), rate.name).toEqual(r[rate.name]);
        }
      }

      expect(chart.databases.map((d) => d.id)).toEqual(Object.keys(report.databases ?? {}));
      for (const d of chart.databases) {
        const r = report.databases![d.id]!;
        expect(six(d.meanLag)).toEqual(r.meanLag);
        expect(d.meanLag.some((x) => x > 0)).toBe(true);
        const width = (i: number) => Math.min(chart.bucketSeconds, snapshot.now - chart.t[i]!);
        expect(six(d.staleReads.map((v, i) => v * width(i)))).toEqual(r.staleReads);
      }

      expect(chart.breakers.map((b) => b.id)).toEqual(Object.keys(report.breakers ?? {}));
      for (const b of chart.breakers) {
        const r = report.breakers![b.id]!;
        expect(six(b.closed)).toEqual(r.closed);
        expect(six(b.halfOpen)).toEqual(r.halfOpen);
        expect(six(b.open)).toEqual(r.open);
        b.open.forEach((open, i) => expect(open + b.halfOpen[i]! + b.closed[i]!).toBeCloseTo(1, 6));
      }
      // Each preset shows what its chart is for.
      const shown = { orders: chart.orders, databases: chart.databases, breakers: chart.breakers };
      const expected = {
        compensation: 'orders',
        'read-write-split': 'databases',
        'circuit-breaker': 'breakers',
      }[preset] as keyof typeof shown;
      expect(shown[expected].length, preset).toBeGreaterThan(0);
    }
    const breaker = toChartSeries(
      mergeSeries(emptySeries([]), api.snapshot(0, -1).series, []),
      EMPTY_LAYOUT,
      0,
    );
    expect(breaker.breakers).toEqual([]);
  });

  it('pool usage: busy threads and queue against the pool size', () => {
    const chart = toChartSeries(buffer, layout, 15);
    expect(chart.stations[0]!.busy).toEqual([1.5, 1]);
    expect(chart.stations[0]!.poolSize).toEqual([2, 2]);
  });

  it('replication lag per replica, as the CLI report has it', () => {
    const six = (xs: readonly number[]) =>
      xs.map((x) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : 0));
    for (const preset of ['read-write-split', 'compensation']) {
      const loaded = api.load(PRESETS[preset], 3);
      if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
      const l = layoutOf(loaded);
      const counts = seriesFieldCounts(l);
      const perBucket = counts.reduce((a, b) => a + b, 0);
      let snapshot = api.snapshot(0, -1);
      let series = mergeSeries(emptySeries(counts), snapshot.series, counts);
      while (!snapshot.done) {
        snapshot = api.advance(Infinity, Infinity, series.buckets, series.resolution);
        // Every value of the snapshot has its place: the replicas' fields are counted.
        const rows = snapshot.series.buckets - snapshot.series.fromBucket;
        expect(snapshot.series.data.length).toBe(perBucket * rows);
        series = mergeSeries(series, snapshot.series, counts);
      }
      const chart = toChartSeries(series, l, snapshot.now);
      const report = api.report().series;
      for (const d of chart.databases) {
        const lags = report.replicaLag![d.id]!;
        expect(
          d.replicas.map((r) => r.id),
          preset,
        ).toEqual(Object.keys(lags));
        expect(d.replicas.length).toBeGreaterThan(0);
        for (const r of d.replicas) {
          expect(six(r.meanLag), r.id).toEqual(lags[r.id]);
          expect(r.meanLag.some((x) => x > 0)).toBe(true);
        }
        // Each replica applies every write, so their mean is the database's.
        d.meanLag.forEach((mean, i) => {
          if (!Number.isFinite(mean)) return;
          const average = d.replicas.reduce((sum, r) => sum + r.meanLag[i]!, 0) / d.replicas.length;
          expect(average / mean).toBeCloseTo(1, 9);
        });
      }
      // The breakers after the databases still read their own fields.
      for (const b of chart.breakers) {
        expect(six(b.open)).toEqual(report.breakers![b.id]!.open);
      }
    }
  });
});
