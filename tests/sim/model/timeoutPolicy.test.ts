import { describe, expect, it } from 'vitest';
import { fixed, scenario } from '../../helpers/scenarioBuilder';
import type { TimeoutPolicy } from '../../../sim/model/station/station';

/**
 * One server, 10 s of work per request, three requests sent at t = 0, 1 and 2 by a client that
 * waits 5 s (deadlines 5, 6 and 7). Every figure below follows by hand from the policy.
 */
function runWithPolicy(timeoutPolicy: TimeoutPolicy) {
  return scenario('timeouts')
    .lasting(40)
    .station({ id: 'worker', servers: 1, service: fixed(10), timeoutPolicy })
    .source({
      id: 'client',
      kind: 'poisson',
      target: 'worker',
      rate: 0,
      batches: [
        { at: 0, count: 1 },
        { at: 1, count: 1 },
        { at: 2, count: 1 },
      ],
      client: { timeout: 5 },
    })
    .run();
}

describe('what a station does when the client gives up', () => {
  it('keepWorking: the server serves all three anyway, 30 s of work for nobody', () => {
    const sim = runWithPolicy('keepWorking');
    const worker = sim.stations[0]!;
    expect(worker.completed).toBe(3);
    expect(worker.late).toBe(3);
    expect(worker.timedOut).toBe(3);
    expect(worker.busyAreaAt(sim.now)).toBeCloseTo(30, 9);
    expect(sim.sources[0]!.failedTimeout).toBe(3);
    expect(sim.sources[0]!.successes).toBe(0);
    expect(sim.network.table.inFlight).toBe(0);
  });

  it('cancel: each request frees the server at its deadline, 7 s of work in all', () => {
    const sim = runWithPolicy('cancel');
    const worker = sim.stations[0]!;
    // r1 runs 0..5 and is cancelled; r2 starts at 5, cancelled at 6; r3 runs 6..7.
    expect(worker.completed).toBe(0);
    expect(worker.timedOut).toBe(3);
    expect(worker.busyAreaAt(sim.now)).toBeCloseTo(7, 9);
    expect(worker.wait.count).toBe(3);
    expect(worker.wait.max).toBeCloseTo(4, 9);
    expect(sim.network.table.inFlight).toBe(0);
  });

  it('skipExpired: the running request finishes late, the expired queued ones are skipped', () => {
    const sim = runWithPolicy('skipExpired');
    const worker = sim.stations[0]!;
    expect(worker.completed).toBe(1);
    expect(worker.late).toBe(1);
    expect(worker.busyAreaAt(sim.now)).toBeCloseTo(10, 9);
    expect(worker.queueAreaAt(sim.now)).toBeCloseTo(9 + 8, 9); // r2 waits 1..10, r3 waits 2..10
    expect(sim.network.table.inFlight).toBe(0);
  });

  it('a request answered before its deadline counts as a success with its latency', () => {
    const sim = scenario('in-time')
      .lasting(20)
      .station({ id: 'worker', servers: 1, service: fixed(2) })
      .source({
        id: 'client',
        kind: 'poisson',
        target: 'worker',
        rate: 0,
        batches: [{ at: 1, count: 2 }],
        client: { timeout: 5 },
      })
      .run();
    const client = sim.sources[0]!;
    expect(client.successes).toBe(2);
    expect(client.failedTimeout).toBe(0);
    expect(client.latency.max).toBeCloseTo(4, 2);
    expect(client.latency.min).toBeCloseTo(2, 2);
    expect(sim.stations[0]!.timedOut).toBe(0);
  });
});
