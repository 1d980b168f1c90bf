import type { Snapshot } from '../../sim/worker/snapshot';

/**
 * Every series bucket seen so far, rebuilt from incremental snapshots. `columns[subject][field]`
 * holds per-bucket increments (counts and time integrals, as the worker records them); only the
 * first `buckets` entries are meaningful, the rest is spare capacity so appends stay amortised O(1).
 */
export interface SeriesBuffer {
  /** The worker's merge generation; -1 before the first snapshot. */
  resolution: number;
  bucketSeconds: number;
  buckets: number;
  columns: Float64Array[][];
}

export function emptySeries(fieldCounts: readonly number[]): SeriesBuffer {
  return {
    resolution: -1,
    bucketSeconds: 0,
    buckets: 0,
    columns: fieldCounts.map((n) => Array.from({ length: n }, () => new Float64Array(0))),
  };
}

const capacityFor = (needed: number, current: number) =>
  needed <= current ? current : Math.max(64, 2 ** Math.ceil(Math.log2(needed)));

/**
 * Adds the buckets of one snapshot. When the resolution changed (the worker merged buckets) the
 * snapshot carries all of them from bucket 0 and everything held is replaced. Appends reuse the
 * previous buffer's arrays: the previous value stays valid for its own `buckets` prefix.
 */
export function mergeSeries(
  previous: SeriesBuffer,
  incoming: Snapshot['series'],
  fieldCounts: readonly number[],
): SeriesBuffer {
  const replace = incoming.resolution !== previous.resolution;
  const kept = replace ? 0 : incoming.fromBucket;
  if (replace && incoming.fromBucket !== 0) {
    throw new Error(
      `series resolution changed to ${incoming.resolution} but the snapshot starts at bucket ${incoming.fromBucket}`,
    );
  }
  if (kept > previous.buckets) {
    throw new Error(
      `series gap: holding ${previous.buckets} buckets, snapshot starts at ${incoming.fromBucket}`,
    );
  }
  const rows = incoming.buckets - incoming.fromBucket;
  const expected = fieldCounts.reduce((a, b) => a + b, 0) * rows;
  // Subjects the layout does not name (the worker may add kinds, caches say) come after the
  // stations and sources, so reading the prefix is right; fewer values than named is an error.
  if (incoming.data.length < expected || (rows > 0 && incoming.data.length % rows !== 0)) {
    throw new Error(`series data has ${incoming.data.length} values, expected ${expected}`);
  }
  let offset = 0;
  const columns = fieldCounts.map((fields, s) =>
    Array.from({ length: fields }, (_, f) => {
      const old = replace ? undefined : previous.columns[s]?.[f];
      const capacity = capacityFor(incoming.buckets, old?.length ?? 0);
      let column = old;
      if (column === undefined || column.length !== capacity) {
        column = new Float64Array(capacity);
        if (old) column.set(old.subarray(0, kept));
      }
      column.set(incoming.data.subarray(offset, offset + rows), incoming.fromBucket);
      offset += rows;
      return column;
    }),
  );
  return {
    resolution: incoming.resolution,
    bucketSeconds: incoming.bucketSeconds,
    buckets: incoming.buckets,
    columns,
  };
}
