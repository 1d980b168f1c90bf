import { describe, expect, it } from 'vitest';
import { fixed, scenario } from '../../../helpers/scenarioBuilder';
import { Simulation } from '../../../../sim/scenarios/simulation';
import { buildRunReport } from '../../../../sim/metrics/runReport';
import { databaseTotals } from '../../../../sim/metrics/totals';

/**
 * A master and one replica. Writes come at 200/s, plus 8,000/s from 2 s to 4 s: more than the
 * replica's single SQL thread applies (about 5,000/s at 0.2 ms each), so replication lag climbs
 * past a second during that burst, then drains. Reads at 500/s go to the replica.
 */
function replicated(warmup: number) {
  const builder = scenario('replicated')
    .lasting(60, warmup)
    .seed(3)
    .keys(1000, 0)
    .database({ id: 'orders', master: 'master', replicas: ['replica'] })
    .station({
      id: 'api',
      servers: 1000,
      endpoints: {
        place: [{ kind: 'dbWrite', db: 'orders' }],
        view: [{ kind: 'dbRead', db: 'orders' }],
      },
    })
    .station({ id: 'master', servers: 64, service: fixed(0.001) })
    .station({ id: 'replica', servers: 64, service: fixed(0.001) })
    .source({
      id: 'writes',
      kind: 'poisson',
      target: 'api',
      endpoint: 'place',
      rate: 200,
      bursts: [{ start: 2, duration: 2, rate: 8000 }],
    })
    .source({ id: 'reads', kind: 'poisson', target: 'api', endpoint: 'view', rate: 500 });
  return new Simulation(builder.build());
}

describe('database figures leave out the warm-up', () => {
  it('equal the counters at the end minus those at the end of the warm-up', () => {
    const whole = replicated(0);
    whole.runUntil(10);
    const atWarmup = databaseTotals(whole.databases[0]!);
    whole.runToEnd();
    const atEnd = databaseTotals(whole.databases[0]!);

    // Same scenario and seed with a 10 s warm-up: the same run, measured from 10 s.
    const measured = replicated(10);
    measured.runToEnd();
    const db = buildRunReport(measured, 0, []).databases.orders!;
    expect(db.writes).toBe(atEnd.writes - atWarmup.writes);
    expect(db.reads).toBe(atEnd.reads - atWarmup.reads);
    expect(db.readsFromMaster).toBe(atEnd.readsFromMaster - atWarmup.readsFromMaster);
    expect(db.staleReads).toBe(atEnd.staleReads - atWarmup.staleReads);
    expect(db.meanReplicationLag).toBe(
      (atEnd.lagSum - atWarmup.lagSum) / (atEnd.lagSamples - atWarmup.lagSamples),
    );
    // The burst and its stale reads fall in the warm-up: the whole run's figures show them.
    expect(atWarmup.staleReads).toBeGreaterThan(0);
    expect(db.staleReads).toBeLessThan(atWarmup.staleReads);
  });

  it('the largest replication lag is the one after the warm-up, not the burst before it', () => {
    const whole = replicated(0);
    whole.runToEnd();
    const measured = replicated(10);
    measured.runToEnd();
    const all = buildRunReport(whole, 0, []).databases.orders!;
    const after = buildRunReport(measured, 0, []).databases.orders!;
    // 6,000 writes over 2 s beyond a ~5,000/s replay rate leave the replica over a second behind.
    expect(all.maxReplicationLag).toBeGreaterThan(1);
    // In steady state at 200 writes/s a write waits for the 1 ms ship delay and a few applies.
    expect(after.maxReplicationLag).toBeGreaterThan(0.001);
    expect(after.maxReplicationLag).toBeLessThan(0.05);
  });

  it('a warm-up that holds every write leaves the measured window empty', () => {
    const builder = scenario('early-writes')
      .lasting(30, 20)
      .keys(10, 0)
      .database({ id: 'orders', master: 'master', replicas: ['replica'] })
      .station({
        id: 'api',
        servers: 10,
        endpoints: { place: [{ kind: 'dbWrite', db: 'orders' }] },
      })
      .station({ id: 'master', servers: 1, service: fixed(0.001) })
      .station({ id: 'replica', servers: 1, service: fixed(0.001) })
      .source({
        id: 'writes',
        kind: 'poisson',
        target: 'api',
        endpoint: 'place',
        rate: 0,
        batches: [{ at: 5, count: 50 }],
      });
    const sim = new Simulation(builder.build());
    sim.runToEnd();
    expect(sim.databases[0]!.writes).toBe(50);
    const db = buildRunReport(sim, 0, []).databases.orders!;
    expect(db.writes).toBe(0);
    expect(db.reads).toBe(0);
    expect(db.staleShare).toBeNull();
    expect(db.meanReplicationLag).toBeNull();
    expect(db.maxReplicationLag).toBe(0);
  });
});
