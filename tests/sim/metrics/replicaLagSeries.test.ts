import { describe, expect, it } from 'vitest';
import { fixed, scenario } from '../../helpers/scenarioBuilder';
import {
  DATABASE_SERIES_FIELDS,
  databaseSeriesFields,
  REPLICA_SERIES_FIELDS,
} from '../../../sim/metrics/seriesSubjects';
import { buildRunReport } from '../../../sim/metrics/runReport';
import { replicaLagTotals } from '../../../sim/metrics/totals';
import { Simulation } from '../../../sim/scenarios/simulation';
import { STATION_LIVE_FIELDS, takeSnapshot } from '../../../sim/worker/snapshot';
import { describeLoad } from '../../../sim/worker/loadResult';

const six = (x: number) => Number(x.toPrecision(6));

/**
 * A master and two replicas with 1 ms ship delay and 0.4 ms apply time: 1,000 writes/s keep each
 * SQL thread 40% busy, plus 4,000/s from 2 s to 3 s, twice what a thread can replay, so both fall
 * about a second behind during the burst and have drained by 5 s.
 */
function replicated(warmup = 0) {
  const builder = scenario('replica-lag')
    .lasting(10, warmup)
    .seed(6)
    .metrics({ bucketSeconds: 1 })
    .keys(1000, 0)
    .database({
      id: 'orders',
      master: 'master',
      replicas: ['replica-a', 'replica-b'],
      shipDelay: fixed(0.001),
      applyTime: { type: 'exponential', mean: 0.0004 },
    })
    .station({
      id: 'api',
      servers: 1000,
      endpoints: { place: [{ kind: 'dbWrite', db: 'orders' }] },
    })
    .station({ id: 'master', servers: 64, service: fixed(0.001) })
    .station({ id: 'replica-a', servers: 64, service: fixed(0.001) })
    .station({ id: 'replica-b', servers: 64, service: fixed(0.001) })
    .source({
      id: 'writes',
      kind: 'poisson',
      target: 'api',
      endpoint: 'place',
      rate: 1000,
      bursts: [{ start: 2, duration: 1, rate: 4000 }],
    });
  return new Simulation(builder.build());
}

describe('per-replica lag series', () => {
  it('follow the database fields, two per replica, and average to the database mean', () => {
    const sim = replicated();
    sim.runToEnd();
    const subject = sim.stations.length + sim.sources.length;
    const fields = databaseSeriesFields(2);
    expect(fields).toEqual([
      ...DATABASE_SERIES_FIELDS,
      'lagSum:0',
      'lagSamples:0',
      'lagSum:1',
      'lagSamples:1',
    ]);
    const column = (name: string) =>
      Array.from(sim.series.data[subject]![fields.indexOf(name)]!.subarray(0, sim.series.buckets));
    const samples = column('lagSamples');
    const [sum0, sum1, n0, n1] = ['lagSum:0', 'lagSum:1', 'lagSamples:0', 'lagSamples:1'].map(
      column,
    );
    // Samples add up exactly; sums up to rounding (the same terms, added in another order).
    samples.forEach((n, i) => {
      expect(n0![i]! + n1![i]!).toBe(n);
      expect((sum0![i]! + sum1![i]!) / column('lagSum')[i]!).toBeCloseTo(1, 9);
    });

    const report = buildRunReport(sim, 0, []);
    const lags = report.series.replicaLag!.orders!;
    expect(Object.keys(lags)).toEqual(['replica-a', 'replica-b']);
    expect(lags['replica-a']).toEqual(sum0!.map((s, i) => six(s / n0![i]!)));
    expect(lags['replica-b']).toEqual(sum1!.map((s, i) => six(s / n1![i]!)));
    // The burst: both replicas fall behind, by seconds rather than milliseconds.
    expect(Math.max(...lags['replica-a']!)).toBeGreaterThan(0.2);
    expect(lags['replica-a']![0]).toBeLessThan(0.01);

    // The layout tells the page where each replica's fields are.
    const load = describeLoad(sim, []);
    expect(load.databaseReplicaIds).toEqual([['replica-a', 'replica-b']]);
    expect(load.replicaSeriesFields).toEqual(REPLICA_SERIES_FIELDS);
    expect(load.seriesSubjects.find((s) => s.kind === 'database')!.fields).toEqual(fields);
  });

  it('reach the report per replica, the warm-up left out as for the database', () => {
    const whole = replicated(0);
    whole.runUntil(6);
    const atWarmup = replicaLagTotals(whole.databases[0]!);
    whole.runToEnd();
    const atEnd = replicaLagTotals(whole.databases[0]!);

    const measured = replicated(6);
    measured.runToEnd();
    const db = buildRunReport(measured, 0, []).databases.orders!;
    expect(Object.keys(db.replicas)).toEqual(['replica-a', 'replica-b']);
    ['replica-a', 'replica-b'].forEach((id, r) => {
      expect(db.replicas[id]!.meanReplicationLag).toBe(
        (atEnd.sum[r]! - atWarmup.sum[r]!) / (atEnd.samples[r]! - atWarmup.samples[r]!),
      );
      // The burst's seconds of lag fall in the warm-up.
      expect(db.replicas[id]!.maxReplicationLag).toBeLessThan(0.1);
      expect(db.replicas[id]!.maxReplicationLag).toBeGreaterThan(0.0014);
    });
    expect(Math.max(...Object.values(db.replicas).map((r) => r.maxReplicationLag))).toBe(
      db.maxReplicationLag,
    );
    // Every replica applies every write: the mean of their means is the database's mean (up to
    // rounding: both are differences of sums over the whole run).
    const means = Object.values(db.replicas).map((r) => r.meanReplicationLag!);
    expect((means[0]! + means[1]!) / 2 / db.meanReplicationLag!).toBeCloseTo(1, 9);
  });

  it('snapshots carry each replica station its own lag; other stations have none', () => {
    const sim = replicated();
    sim.runUntil(2.9);
    const { stations } = takeSnapshot(sim, 0, -1);
    const sf = STATION_LIVE_FIELDS.length;
    const at = (station: number, field: (typeof STATION_LIVE_FIELDS)[number]) =>
      stations[station * sf + STATION_LIVE_FIELDS.indexOf(field)]!;
    const db = sim.databases[0]!;
    for (const [station, r] of [
      [2, 0],
      [3, 1],
    ] as const) {
      // Mid-burst: seconds behind, now.
      expect(at(station, 'replicaLag')).toBe(db.replicaLagAt(r, sim.now));
      expect(at(station, 'replicaLag')).toBeGreaterThan(0.1);
      expect(at(station, 'replicaLagSum')).toBe(db.replicaLagSum[r]);
      expect(at(station, 'replicaLagSamples')).toBe(db.replicaLagSamples[r]);
      expect(at(station, 'replicaMaxLag')).toBe(db.replicaMaxLag[r]);
    }
    for (const station of [0, 1]) expect(at(station, 'replicaLag')).toBeNaN();
    expect(at(0, 'arrivals')).toBe(sim.stations[0]!.arrivals);
  });
});
