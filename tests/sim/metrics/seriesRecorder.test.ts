import { describe, expect, it } from 'vitest';
import { exponential, scenario } from '../../helpers/scenarioBuilder';
import { defaultBucketSeconds } from '../../../sim/metrics/seriesRecorder';

const sum = (a: Float64Array | number[]) => Array.from(a).reduce((x, y) => x + y, 0);

describe('time series', () => {
  it('bucket counts add up to the station totals', () => {
    const sim = scenario('series')
      .lasting(100)
      .metrics({ bucketSeconds: 1 })
      .station({ id: 'api', servers: 2, service: exponential(0.1) })
      .poisson('users', 'api', 15)
      .run();
    const api = sim.stations[0]!;
    const [arrivals, completed] = sim.series.data[0]!;
    expect(sim.series.buckets).toBe(100);
    expect(sum(arrivals!)).toBe(api.arrivals);
    expect(sum(completed!)).toBe(api.completed);
  });

  it('memory stays bounded: past maxBuckets, buckets merge pairwise and nothing is lost', () => {
    const sim = scenario('long')
      .lasting(1000)
      .metrics({ bucketSeconds: 1, maxBuckets: 10 })
      .station({ id: 'api', servers: 2, service: exponential(0.1) })
      .poisson('users', 'api', 5)
      .run();
    expect(sim.series.buckets).toBeLessThanOrEqual(10);
    expect(sim.series.bucketSeconds).toBe(128);
    const [arrivals, , , , , busyArea] = sim.series.data[0]!;
    expect(sum(arrivals!)).toBe(sim.stations[0]!.arrivals);
    expect(sum(busyArea!)).toBeCloseTo(sim.stations[0]!.busyAreaAt(sim.now), 6);
  });

  it('picks a readable default bucket of about 1/200 of the run', () => {
    expect(defaultBucketSeconds(10_800)).toBe(100);
    expect(defaultBucketSeconds(300)).toBe(2);
    expect(defaultBucketSeconds(1)).toBe(0.005);
  });
});
