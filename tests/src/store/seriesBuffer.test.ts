import { describe, expect, it } from 'vitest';
import { api } from '../../../sim/worker/api';
import { PRESETS } from '../../../sim/scenarios/presets';
import type { Snapshot } from '../../../sim/worker/snapshot';
import { layoutOf, seriesFieldCounts, type LoadedScenario } from '../../../src/store/layout';
import { emptySeries, mergeSeries, type SeriesBuffer } from '../../../src/store/seriesBuffer';

const series = (over: Partial<Snapshot['series']>): Snapshot['series'] => ({
  resolution: 0,
  bucketSeconds: 1,
  fromBucket: 0,
  buckets: 0,
  data: new Float64Array(0),
  ...over,
});

const values = (buffer: SeriesBuffer, subject: number, field: number) =>
  Array.from(buffer.columns[subject]![field]!.subarray(0, buffer.buckets));

describe('mergeSeries', () => {
  // Two subjects: the first with two fields, the second with one.
  const counts = [2, 1];

  it('appends the buckets of incremental snapshots, subject-major', () => {
    let buffer = emptySeries(counts);
    buffer = mergeSeries(
      buffer,
      series({ buckets: 2, data: Float64Array.from([1, 2, 10, 20, 100, 200]) }),
      counts,
    );
    buffer = mergeSeries(
      buffer,
      series({ fromBucket: 2, buckets: 3, data: Float64Array.from([3, 30, 300]) }),
      counts,
    );
    expect(buffer.buckets).toBe(3);
    expect(values(buffer, 0, 0)).toEqual([1, 2, 3]);
    expect(values(buffer, 0, 1)).toEqual([10, 20, 30]);
    expect(values(buffer, 1, 0)).toEqual([100, 200, 300]);
  });

  it('replaces everything when the resolution changes', () => {
    let buffer = mergeSeries(
      emptySeries(counts),
      series({ buckets: 2, data: Float64Array.from([1, 2, 10, 20, 100, 200]) }),
      counts,
    );
    const before = buffer;
    buffer = mergeSeries(
      buffer,
      series({
        resolution: 1,
        bucketSeconds: 2,
        buckets: 1,
        data: Float64Array.from([3, 30, 300]),
      }),
      counts,
    );
    expect(buffer.resolution).toBe(1);
    expect(buffer.bucketSeconds).toBe(2);
    expect(values(buffer, 0, 0)).toEqual([3]);
    // The previous value still reads as it did.
    expect(values(before, 0, 0)).toEqual([1, 2]);
  });

  it('refuses a gap, a resolution change not starting at 0, and short data', () => {
    const one = mergeSeries(
      emptySeries(counts),
      series({ buckets: 1, data: Float64Array.from([1, 10, 100]) }),
      counts,
    );
    expect(() =>
      mergeSeries(one, series({ fromBucket: 2, buckets: 3, data: new Float64Array(3) }), counts),
    ).toThrow(/gap/);
    expect(() =>
      mergeSeries(
        one,
        series({ resolution: 1, fromBucket: 1, buckets: 2, data: new Float64Array(3) }),
        counts,
      ),
    ).toThrow(/resolution/);
    expect(() =>
      mergeSeries(one, series({ fromBucket: 1, buckets: 2, data: new Float64Array(2) }), counts),
    ).toThrow(/expected 3/);
  });

  it('ignores subjects the layout does not name (they come after the named ones)', () => {
    const buffer = mergeSeries(
      emptySeries(counts),
      series({ buckets: 1, data: Float64Array.from([1, 10, 100, 7, 7]) }),
      counts,
    );
    expect(values(buffer, 1, 0)).toEqual([100]);
  });

  it('grows past its capacity without losing buckets', () => {
    let buffer = emptySeries([1]);
    for (let b = 0; b < 300; b++) {
      buffer = mergeSeries(
        buffer,
        series({ fromBucket: b, buckets: b + 1, data: Float64Array.from([b]) }),
        [1],
      );
    }
    expect(values(buffer, 0, 0)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });

  it('rebuilt from the worker’s incremental snapshots, equals one full snapshot, merges included', () => {
    const doc = structuredClone(PRESETS.mm8) as Record<string, unknown>;
    // Few buckets, so the run merges them (and changes resolution) several times.
    doc.metrics = { maxBuckets: 16 };
    doc.duration = 3000;
    const loaded = api.load(doc, 5);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const counts = seriesFieldCounts(layoutOf(loaded as LoadedScenario));
    let buffer = emptySeries(counts);
    const resolutions = new Set<number>();
    let snapshot = api.snapshot(0, -1);
    buffer = mergeSeries(buffer, snapshot.series, counts);
    while (!snapshot.done) {
      snapshot = api.advance(37, Infinity, buffer.buckets, buffer.resolution);
      buffer = mergeSeries(buffer, snapshot.series, counts);
      resolutions.add(buffer.resolution);
    }
    expect(resolutions.size).toBeGreaterThan(2);
    const full = mergeSeries(emptySeries(counts), api.snapshot(0, -1).series, counts);
    expect(buffer.buckets).toBe(full.buckets);
    expect(buffer.bucketSeconds).toBe(full.bucketSeconds);
    counts.forEach((n, s) => {
      for (let f = 0; f < n; f++) expect(values(buffer, s, f)).toEqual(values(full, s, f));
    });
  });

  it('names every subject the worker records: order flows, databases and breakers included', () => {
    for (const preset of ['compensation', 'read-write-split', 'circuit-breaker']) {
      const loaded = api.load(PRESETS[preset], 1);
      if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
      const counts = seriesFieldCounts(layoutOf(loaded));
      expect(counts).toEqual(loaded.seriesSubjects.map((s) => s.fields.length));
      const snapshot = api.advance(5, Infinity);
      const rows = snapshot.series.buckets - snapshot.series.fromBucket;
      expect(rows).toBeGreaterThan(0);
      // No trailing block left unread: the layout accounts for all the data.
      expect(snapshot.series.data.length).toBe(counts.reduce((a, b) => a + b, 0) * rows);
    }
  });
});
