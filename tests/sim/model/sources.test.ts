import { describe, expect, it } from 'vitest';
import { exponential, scenario } from '../../helpers/scenarioBuilder';

/**
 * Poisson counts have variance equal to their mean, so a count is checked against its expectation
 * within 4 standard deviations (a false alarm about once in 16,000 seeds; the seeds are fixed).
 */
const withinPoissonNoise = (observed: number, expected: number) =>
  Math.abs(observed - expected) < 4 * Math.sqrt(expected);

const sink = { id: 'sink', servers: 1_000, service: exponential(0.001) };

describe('sources', () => {
  it('time-varying Poisson by thinning: arrivals follow the integral of the rate', () => {
    const sim = scenario('ramp')
      .lasting(200)
      .metrics({ bucketSeconds: 100 })
      .station(sink)
      .source({
        id: 'users',
        kind: 'poisson',
        target: 'sink',
        profile: {
          points: [
            [0, 10],
            [100, 50],
          ],
        },
      })
      .run();
    const offered = sim.sources[0]!.offered;
    // Ramp 10 -> 50 over the first 100 s (3,000 expected), then 50/s (5,000 expected).
    expect(withinPoissonNoise(offered, 8000)).toBe(true);
    const perBucket = sim.series.data[1]![0]!;
    expect(withinPoissonNoise(perBucket[0]!, 3000)).toBe(true);
    expect(withinPoissonNoise(perBucket[1]!, 5000)).toBe(true);
  });

  it('a periodic profile repeats: a daily curve with lunch and dinner peaks', () => {
    const day = [
      [0, 1],
      [30, 20],
      [50, 2],
      [80, 15],
      [99, 1],
    ] as [number, number][];
    const sim = scenario('days')
      .lasting(300)
      .metrics({ bucketSeconds: 100 })
      .station(sink)
      .source({
        id: 'users',
        kind: 'poisson',
        target: 'sink',
        profile: { points: day, period: 100 },
      })
      .run();
    const perDay = sim.series.data[1]![0]!;
    // Trapezoids of one period: 315 + 220 + 255 + 152, plus 1 s at the last rate (99 -> 100).
    const expected = 943;
    for (let d = 0; d < 3; d++) expect(withinPoissonNoise(perDay[d]!, expected)).toBe(true);
  });

  it('a burst adds its rate over its interval, a batch adds simultaneous arrivals', () => {
    const sim = scenario('burst')
      .lasting(100)
      .station(sink)
      .source({
        id: 'users',
        kind: 'poisson',
        target: 'sink',
        rate: 10,
        bursts: [{ start: 20, duration: 10, rate: 200 }],
        batches: [{ at: 50, count: 500 }],
      })
      .run();
    const offered = sim.sources[0]!.offered;
    expect(withinPoissonNoise(offered - 500, 10 * 100 + 200 * 10)).toBe(true);
  });

  it('a closed loop obeys the interactive response time law N = X (R + Z)', () => {
    const clients = 20;
    const think = 1;
    const sim = scenario('closed')
      .lasting(2000, 100)
      .station({ id: 'api', servers: 2, service: exponential(0.08) })
      .source({ id: 'users', kind: 'closed', target: 'api', clients, think: exponential(think) })
      .run();
    const source = sim.sources[0]!;
    const measured = 1900;
    const throughput = (source.successes - sim.warmup.sourceBaseline[0]!.successes) / measured;
    const response = source.latency.mean;
    // An operational law: it holds for any run up to edge effects of one cycle per client
    // (about 20 of some 30,000 requests here), so 1% is a wide margin.
    expect(throughput * (response + think)).toBeGreaterThan(clients * 0.99);
    expect(throughput * (response + think)).toBeLessThan(clients * 1.01);
    // At most 2 servers: X <= 2 / 0.08 = 25 requests/s, and the population makes it queue.
    expect(throughput).toBeLessThan(25);
  });

  it('common random numbers: adding a station and a fault leaves the traffic unchanged', () => {
    const base = () =>
      scenario('crn')
        .lasting(100)
        .station({ id: 'api', servers: 2, service: exponential(0.1) })
        .poisson('users', 'api', 15);
    const plain = base().run();
    const changed = base()
      .station({ id: 'unused', servers: 1, service: exponential(1) })
      .fault({ kind: 'slowdown', at: 10, station: 'api', factor: 3, duration: 20 })
      .run();
    const offeredPlain = Array.from(plain.series.data[1]![0]!);
    const offeredChanged = Array.from(changed.series.data[2]![0]!);
    expect(offeredChanged).toEqual(offeredPlain);
    // ...while what the slowdown does to the station is visible.
    expect(changed.stations[0]!.latency.mean).toBeGreaterThan(plain.stations[0]!.latency.mean);
  });
});
