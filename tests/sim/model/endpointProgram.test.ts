import { describe, expect, it } from 'vitest';
import { fixed, scenario } from '../../helpers/scenarioBuilder';

/** An API whose one endpoint works 1 s, calls `dep` (which takes `depTime`), then works 2 s. */
function apiCallingDependency(
  depTime: number,
  call: { timeout?: number; onFailure?: 'fail' | 'fallback' } = {},
  policy: 'keepWorking' | 'cancel' = 'keepWorking',
  clientTimeout?: number,
) {
  return scenario('program')
    .lasting(60)
    .station({
      id: 'api',
      servers: 1,
      timeoutPolicy: policy,
      endpoints: {
        main: [
          { kind: 'work', duration: fixed(1) },
          { kind: 'call', to: 'dep', ...call },
          { kind: 'work', duration: fixed(2) },
        ],
      },
    })
    .station({ id: 'dep', servers: 1, service: fixed(depTime) })
    .source({
      id: 'client',
      kind: 'poisson',
      target: 'api',
      rate: 0,
      batches: [{ at: 0, count: 1 }],
      ...(clientTimeout !== undefined && { client: { timeout: clientTimeout } }),
    })
    .run();
}

describe('endpoint programs: work and calls on one thread', () => {
  it('a request takes work + call + work, and holds its thread all along', () => {
    const sim = apiCallingDependency(4);
    const client = sim.sources[0]!;
    expect(client.successes).toBe(1);
    expect(client.latency.max).toBeCloseTo(7, 9);
    expect(sim.stations[0]!.busyAreaAt(sim.now)).toBeCloseTo(7, 9);
    expect(sim.stations[1]!.completed).toBe(1);
    expect(sim.programs[0]!.stats[0]!.calls).toBe(1);
    expect(sim.network.table.inFlight).toBe(0);
  });

  it('a call timeout with fallback frees the thread early and the request carries on', () => {
    const sim = apiCallingDependency(10, { timeout: 0.5, onFailure: 'fallback' });
    const client = sim.sources[0]!;
    expect(client.successes).toBe(1);
    expect(client.latency.max).toBeCloseTo(1 + 0.5 + 2, 9);
    const stats = sim.programs[0]!.stats[0]!;
    expect(stats.callTimeouts).toBe(1);
    expect(stats.fallbacks).toBe(1);
    // The dependency never learns: it works its 10 s anyway (keepWorking) and answers late.
    expect(sim.stations[1]!.late).toBe(1);
    expect(sim.network.table.inFlight).toBe(0);
  });

  it('a call timeout without fallback fails the request with an error', () => {
    const sim = apiCallingDependency(10, { timeout: 0.5 });
    const client = sim.sources[0]!;
    expect(client.successes).toBe(0);
    expect(client.failedError).toBe(1);
    expect(sim.stations[0]!.errors).toBe(1);
    expect(sim.stations[0]!.busyAreaAt(sim.now)).toBeCloseTo(1.5, 9);
  });

  it('cancel: when the client gives up mid-call the thread is freed and the call abandoned', () => {
    const sim = apiCallingDependency(10, {}, 'cancel', 3);
    expect(sim.sources[0]!.failedTimeout).toBe(1);
    expect(sim.stations[0]!.busyAreaAt(sim.now)).toBeCloseTo(3, 9);
    expect(sim.stations[1]!.timedOut).toBe(1);
    expect(sim.network.table.inFlight).toBe(0);
  });
});
