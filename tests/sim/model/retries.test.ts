import { describe, expect, it } from 'vitest';
import { exponential, fixed, scenario } from '../../helpers/scenarioBuilder';

/** A station that is down from t = 0 for `outage` seconds, and one request sent at t = 0. */
function oneRequestDuringOutage(outage: number, jitter: 'none' | 'full' = 'none') {
  return scenario('retry')
    .lasting(100)
    .station({ id: 'api', servers: 1, service: fixed(0.5) })
    .fault({ kind: 'outage', at: 0, station: 'api', duration: outage })
    .source({
      id: 'client',
      kind: 'poisson',
      target: 'api',
      rate: 0,
      batches: [{ at: 0, count: 1 }],
      client: {
        retry: { maxAttempts: 4, initialBackoff: 1, multiplier: 2, maxBackoff: 60, jitter },
      },
    })
    .run();
}

describe('client retries', () => {
  it('backs off 1, 2 and 4 s and gives up after the 4th attempt while the outage lasts', () => {
    const sim = oneRequestDuringOutage(50);
    const client = sim.sources[0]!;
    expect(client.attempts).toBe(4);
    expect(client.retries).toBe(3);
    expect(client.failedUnavailable).toBe(1);
    expect(client.successes).toBe(0);
    expect(sim.stations[0]!.rejected).toBe(4);
  });

  it('the 4th attempt, at t = 1 + 2 + 4 = 7 s, succeeds once the outage ends at 5 s', () => {
    const sim = oneRequestDuringOutage(5);
    const client = sim.sources[0]!;
    expect(client.attempts).toBe(4);
    expect(client.successes).toBe(1);
    // End-to-end latency counts from the first attempt: 7 s of backoff plus 0.5 s of service.
    expect(client.latency.max).toBeCloseTo(7.5, 9);
  });

  it('full jitter draws each backoff from U(0, d): the success comes before 7.5 s', () => {
    const sim = oneRequestDuringOutage(0.001, 'full');
    const client = sim.sources[0]!;
    expect(client.successes).toBe(1);
    expect(client.latency.max).toBeGreaterThan(0.5);
    expect(client.latency.max).toBeLessThan(1.5);
  });

  it('a retry budget caps retries at about its ratio of the traffic, whatever the failure rate', () => {
    const sim = scenario('budget')
      .lasting(200)
      .station({ id: 'api', servers: 1, service: exponential(0.01) })
      .fault({ kind: 'outage', at: 0, station: 'api' })
      .source({
        id: 'client',
        kind: 'poisson',
        target: 'api',
        rate: 100,
        client: {
          retry: {
            maxAttempts: 10,
            initialBackoff: 0.01,
            jitter: 'full',
            budget: { ratio: 0.1, burst: 10 },
          },
        },
      })
      .run();
    const client = sim.sources[0]!;
    expect(client.offered).toBeGreaterThan(19_000);
    // Tokens earned: 0.1 per first attempt plus the initial burst of 10.
    expect(client.retries).toBeLessThanOrEqual(0.1 * client.offered + 10);
    expect(client.retries).toBeGreaterThan(0.09 * client.offered);
    expect(client.retriesDenied).toBeGreaterThan(0);
    expect(sim.network.table.inFlight).toBe(0);
  });

  it('without a budget every failure is retried up to maxAttempts', () => {
    const sim = scenario('no-budget')
      .lasting(50)
      .station({ id: 'api', servers: 1, service: exponential(0.01) })
      .fault({ kind: 'outage', at: 0, station: 'api' })
      .source({
        id: 'client',
        kind: 'poisson',
        target: 'api',
        rate: 100,
        client: { retry: { maxAttempts: 3, initialBackoff: 0.01, jitter: 'none' } },
      })
      .run();
    const client = sim.sources[0]!;
    const finished = client.failedUnavailable;
    // Every finished request made exactly 3 attempts; a few are still backing off at the end.
    expect(client.attempts - 3 * finished).toBeGreaterThanOrEqual(0);
    expect(client.attempts - 3 * finished).toBeLessThan(10);
  });
});
