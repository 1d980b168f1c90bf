import { describe, expect, it } from 'vitest';
import { fixed, scenario } from '../../helpers/scenarioBuilder';
import { Simulation } from '../../../sim/scenarios/simulation';
import { TraceRecorder } from '../../../sim/trace/traceRecorder';
import { hopQueued, hopService } from '../../../sim/trace/traceTypes';

/**
 * One key. A write commits on the master at t = 1.001 (1 ms of service); the replica gets it
 * 0.5 s later and takes 0.1 s to apply it, so it has caught up at 1.601. A read at t = 1.2 misses
 * the empty cache (0.2 ms), loads from the replica at 1.2002, when the replica is 1.601 - 1.2002
 * = 0.4008 s behind, gets the old value (a stale read) at 1.2012, and fills the cache by 1.2014.
 */
function missThenReplicaRead() {
  const built = scenario('annotations')
    .lasting(3)
    .keys(1, 0)
    .cache({ id: 'redis', nodes: ['redis-0'], capacity: 100 })
    .database({
      id: 'orders',
      master: 'master',
      replicas: ['replica'],
      shipDelay: fixed(0.5),
      applyTime: fixed(0.1),
    })
    .station({
      id: 'api',
      servers: 10,
      endpoints: {
        read: [{ kind: 'cacheRead', cache: 'redis', loadFrom: 'orders' }],
        write: [{ kind: 'dbWrite', db: 'orders' }],
      },
    })
    .station({ id: 'redis-0', servers: 1, service: fixed(0.0002) })
    .station({ id: 'master', servers: 1, service: fixed(0.001) })
    .station({ id: 'replica', servers: 1, service: fixed(0.001) })
    .source({
      id: 'writer',
      kind: 'poisson',
      target: 'api',
      endpoint: 'write',
      rate: 0,
      batches: [{ at: 1, count: 1 }],
    })
    .source({
      id: 'reader',
      kind: 'poisson',
      target: 'api',
      endpoint: 'read',
      rate: 0,
      batches: [{ at: 1.2, count: 1 }],
    })
    .build();
  const sim = new Simulation(built);
  const recorder = TraceRecorder.attachedTo(sim);
  sim.runToEnd();
  return recorder.store.all();
}

describe('trace annotations', () => {
  it('a cache miss, then a read from a lagging replica, then the fill', () => {
    const read = missThenReplicaRead().find((t) => t.source === 'reader')!;
    expect(read.outcome).toBe('ok');
    expect(read.latency).toBeCloseTo(0.0014, 12);
    const rows = read.hops.map((h) => [h.station, h.call, h.depth, h.notes.map((n) => n.label)]);
    expect(rows).toEqual([
      ['api', '', 0, []],
      ['redis-0', 'cache lookup', 1, ['MISS']],
      ['replica', 'cache load', 1, ['replica, lag 400.8 ms', 'STALE READ']],
      ['redis-0', 'cache fill', 1, []],
    ]);
    const load = read.hops[2]!;
    expect(load.notes[0]!.value).toBeCloseTo(0.4008, 12);
    expect(load.arrived).toBeCloseTo(1.2002, 12);
    expect(hopQueued(load)).toBe(0);
    expect(hopService(load)).toBeCloseTo(0.001, 12);
  });

  it('the write goes to the master, and its trace is one nested call', () => {
    const write = missThenReplicaRead().find((t) => t.source === 'writer')!;
    expect(write.hops.map((h) => [h.station, h.call])).toEqual([
      ['api', ''],
      ['master', 'db write'],
    ]);
    expect(write.latency).toBeCloseTo(0.001, 12);
  });
});
