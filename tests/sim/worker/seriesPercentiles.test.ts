import { describe, expect, it } from 'vitest';
import { exponential, scenario } from '../../helpers/scenarioBuilder';
import { buildRunReport } from '../../../sim/metrics/runReport';
import {
  LATENCY_PERCENTILE_FIELDS,
  STATION_SERIES_FIELDS,
} from '../../../sim/metrics/seriesSubjects';
import type { Simulation } from '../../../sim/scenarios/simulation';

/** The per-bucket latency percentiles of subject 0 (the station), one array per percentile. */
function percentiles(sim: Simulation): number[][] {
  return LATENCY_PERCENTILE_FIELDS.map((_, k) =>
    Array.from(
      sim.series.data[0]![STATION_SERIES_FIELDS.length + k]!.subarray(0, sim.series.buckets),
    ),
  );
}

const queue = (warmup = 0, bucketSeconds = 10, maxBuckets = 2000) =>
  scenario('percentiles')
    .lasting(80, warmup)
    .seed(5)
    .metrics({ bucketSeconds, maxBuckets })
    .station({ id: 'api', servers: 2, service: exponential(0.1) })
    .poisson('users', 'api', 16)
    .fault({ kind: 'slowdown', at: 40, station: 'api', factor: 1.2, duration: 20 });

describe('latency percentiles per series bucket (seriesSubjects)', () => {
  it('over one bucket spanning the run they are the report percentiles', () => {
    const sim = queue(0, 80).run();
    const report = buildRunReport(sim, 0, []);
    const [p50, p95, p99] = percentiles(sim).map((values) => values[0]);
    const latency = report.stations.api!.latency;
    expect(Number(p50!.toPrecision(6))).toBe(latency.p50);
    expect(Number(p95!.toPrecision(6))).toBe(latency.p95);
    expect(Number(p99!.toPrecision(6))).toBe(latency.p99);
  });

  it('follow the load over time: the slowdown shows in its buckets', () => {
    const [p50, p95, p99] = percentiles(queue().run());
    expect(p50).toHaveLength(8);
    for (let i = 0; i < 8; i++) {
      expect(p50![i]).toBeLessThanOrEqual(p95![i]!);
      expect(p95![i]).toBeLessThanOrEqual(p99![i]!);
    }
    expect(Math.min(p95![4]!, p95![5]!)).toBeGreaterThan(Math.max(...p95!.slice(0, 4)));
  });

  it('a bucket with no completions has none (NaN)', () => {
    const sim = queue().fault({ kind: 'servers', at: 20, station: 'api', servers: 0 }).run();
    const [p50] = percentiles(sim);
    // The queue drains its last requests in service just after t = 20, then nothing completes.
    expect(p50!.slice(3).every(Number.isNaN)).toBe(true);
  });

  it('merged buckets keep the larger of the two, an empty one giving way', () => {
    const fine = percentiles(queue(0, 1).run());
    // 50 one-second buckets merge into 25 of two seconds at t = 50; 15 more follow, recorded so.
    const merged = queue(0, 1, 50).run();
    expect(merged.series.bucketSeconds).toBe(2);
    const coarse = percentiles(merged);
    coarse.forEach((values, k) => {
      expect(values).toHaveLength(40);
      values.forEach((v, j) => {
        const pair = fine[k]!.slice(2 * j, 2 * j + 2).filter((x) => !Number.isNaN(x));
        if (j < 25) expect(v).toBe(Math.max(...pair));
        else {
          // A percentile of two seconds together lies between those of each second.
          expect(v).toBeGreaterThanOrEqual(Math.min(...pair));
          expect(v).toBeLessThanOrEqual(Math.max(...pair));
        }
      });
    });
  });

  it('the warm-up clearing the histograms loses no bucket that ends with it', () => {
    const plain = percentiles(queue(0).run());
    expect(percentiles(queue(20).run())).toEqual(plain);
    // Mid-bucket, the bucket holding the warm-up has only what completed after it.
    const mid = percentiles(queue(25).run());
    mid.forEach((values, k) => {
      expect(values.filter((_, i) => i !== 2)).toEqual(plain[k]!.filter((_, i) => i !== 2));
      expect(Number.isFinite(values[2])).toBe(true);
    });
  });
});
