import { describe, expect, it } from 'vitest';
import { fixed, scenario } from '../../helpers/scenarioBuilder';
import { DATABASE_SERIES_FIELDS } from '../../../sim/metrics/seriesSubjects';
import { buildRunReport } from '../../../sim/metrics/runReport';

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

/**
 * A master and one replica whose single SQL thread applies a write in exactly 1 ms (1,000/s),
 * with a 1 ms binlog shipping delay. `rate` writes per second, 100 reads per second.
 */
function replicated(rate: number) {
  return scenario('replication-lag')
    .lasting(10)
    .seed(4)
    .metrics({ bucketSeconds: 1 })
    .keys(1000, 0)
    .database({
      id: 'orders',
      master: 'master',
      replicas: ['replica'],
      shipDelay: fixed(0.001),
      applyTime: fixed(0.001),
    })
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
    .source({ id: 'writes', kind: 'poisson', target: 'api', endpoint: 'place', rate })
    .source({ id: 'reads', kind: 'poisson', target: 'api', endpoint: 'view', rate: 100 })
    .run();
}

function lagPerBucket(rate: number) {
  const sim = replicated(rate);
  const subject = sim.stations.length + sim.sources.length;
  const column = (field: (typeof DATABASE_SERIES_FIELDS)[number]) =>
    Array.from(
      sim.series.data[subject]![DATABASE_SERIES_FIELDS.indexOf(field)]!.subarray(
        0,
        sim.series.buckets,
      ),
    );
  const lagSum = column('lagSum');
  const samples = column('lagSamples');
  return { sim, column, lag: lagSum.map((s, i) => s / samples[i]!) };
}

describe('database series subject', () => {
  it('replication lag grows by about a second per second at twice the apply rate', () => {
    // 2,000 writes/s against 1,000 applied/s: by time t the replica has 2,000 t writes to apply,
    // which takes 2 t, so a write committed at t waits about t. Bucket k's mean is about k + 0.5.
    const { sim, column, lag } = lagPerBucket(2000);
    expect(sim.series.buckets).toBe(10);
    for (let k = 1; k < 10; k++) expect(lag[k]).toBeCloseTo(k + 0.5, 0);
    expect(lag[9]! - lag[1]!).toBeGreaterThan(7.5);
    const db = sim.databases[0]!;
    expect(sum(column('writes'))).toBe(db.writes);
    expect(sum(column('staleReads'))).toBe(db.staleReads);
    expect(db.staleReads).toBeGreaterThan(0);
  });

  it('stays at ship delay plus apply time below the apply rate', () => {
    // 100 writes/s against 1,000/s: the thread is nearly always idle, so lag = 1 ms + 1 ms.
    const { lag } = lagPerBucket(100);
    for (const l of lag) {
      expect(l).toBeGreaterThanOrEqual(0.002 - 1e-12);
      expect(l).toBeLessThan(0.0025);
    }
  });

  it('reaches the report as the mean lag per bucket', () => {
    const { sim, lag } = lagPerBucket(2000);
    const series = buildRunReport(sim, 0, []).series.databases!.orders!;
    expect(series.meanLag).toEqual(lag.map((l) => Number(l.toPrecision(6))));
    expect(sum(series.writes!)).toBe(sim.databases[0]!.writes);
  });
});
