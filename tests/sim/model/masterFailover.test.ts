import { describe, expect, it } from 'vitest';
import { exponential, fixed, scenario } from '../../helpers/scenarioBuilder';

/** A master with two replicas; writes at 500/s and reads at 1,000/s; the master dies at 30 s. */
function failoverRun(promotionDelay: number) {
  return scenario('failover')
    .lasting(80)
    .metrics({ bucketSeconds: 1 })
    .keys(10_000, 0)
    .database({
      id: 'orders',
      master: 'master',
      replicas: ['replica-1', 'replica-2'],
      shipDelay: fixed(0.05),
      applyTime: exponential(0.0015),
    })
    .station({
      id: 'api',
      servers: 1000,
      endpoints: {
        write: [{ kind: 'dbWrite', db: 'orders', timeout: 1 }],
        read: [{ kind: 'dbRead', db: 'orders', timeout: 1 }],
      },
    })
    .station({ id: 'master', servers: 20, service: exponential(0.005) })
    .station({ id: 'replica-1', servers: 20, service: exponential(0.005) })
    .station({ id: 'replica-2', servers: 20, service: exponential(0.005) })
    .source({ id: 'writers', kind: 'poisson', target: 'api', endpoint: 'write', rate: 500 })
    .source({ id: 'readers', kind: 'poisson', target: 'api', endpoint: 'read', rate: 1000 })
    .fault({ kind: 'masterFailover', at: 30, db: 'orders', promotionDelay })
    .run();
}

describe('master failover', () => {
  it('writes fail while a replica is promoted, then go to the new master; reads carry on', () => {
    const sim = failoverRun(10);
    const db = sim.databases[0]!;
    expect(db.failovers).toBe(1);
    expect(db.master).toBe(sim.stations.findIndex((s) => s.id === 'replica-1'));
    const writers = sim.series.data[4]!; // sources come after the four stations
    const successes = writers[2]!;
    const during = Array.from(successes.subarray(31, 40)).reduce((a, b) => a + b, 0);
    const after = Array.from(successes.subarray(45, 80)).reduce((a, b) => a + b, 0) / 35;
    expect(during).toBe(0);
    expect(after).toBeGreaterThan(450);
    // Reads never stopped: the surviving replica (and the new master) kept answering.
    expect(sim.sources[1]!.successes / sim.sources[1]!.offered).toBeGreaterThan(0.99);
  });

  it('asynchronous replication loses the writes not yet shipped to the promoted replica', () => {
    const db = failoverRun(10).databases[0]!;
    // Writes committed in the last 50 ms before the crash were still on the wire: about
    // 500/s x 0.05 s = 25 of them (Poisson: +-4 standard deviations = +-20).
    expect(db.lostWrites).toBeGreaterThan(5);
    expect(db.lostWrites).toBeLessThan(45);
  });
});

describe('cached writes to a replicated database', () => {
  /** The article's lock-delete-update-reload writer committing to a database, which fails over. */
  function cachedWrites() {
    return scenario('cached-failover')
      .lasting(60)
      .keys(10_000, 0)
      .cache({ id: 'redis', nodes: ['redis-0'], capacity: 100_000 })
      .database({ id: 'orders', master: 'master', replicas: ['replica-1', 'replica-2'] })
      .station({
        id: 'api',
        servers: 1000,
        endpoints: {
          write: [
            {
              kind: 'cachedWrite',
              cache: 'redis',
              db: 'orders',
              strategy: 'lockDeleteUpdateReload',
              dbTimeout: 1,
            },
          ],
        },
      })
      .station({ id: 'redis-0', servers: 4, service: exponential(0.0002) })
      .station({ id: 'master', servers: 20, service: exponential(0.005) })
      .station({ id: 'replica-1', servers: 20, service: exponential(0.005) })
      .station({ id: 'replica-2', servers: 20, service: exponential(0.005) })
      .source({ id: 'writers', kind: 'poisson', target: 'api', endpoint: 'write', rate: 500 })
      .fault({ kind: 'masterFailover', at: 30, db: 'orders', promotionDelay: 5 })
      .run();
  }

  it('commit on the current master, are replicated and counted, and follow a failover', () => {
    const sim = cachedWrites();
    const db = sim.databases[0]!;
    const [master, replica1] = [sim.stations[2]!, sim.stations[3]!];
    // Every committed write was counted by the database: each successful request committed
    // once, and the few committed just before the run ended had not finished their reload yet.
    const writers = sim.sources[0]!;
    expect(db.writes).toBeGreaterThanOrEqual(writers.successes);
    expect(db.writes - writers.successes).toBeLessThan(20);
    // The 5 s of promotion cost about 2,500 writes; the rest committed.
    expect(db.writes).toBeGreaterThan(writers.offered - 3000);
    // Before the crash the master took the writes; after promotion replica-1 did.
    expect(master.completed).toBeGreaterThan(0.45 * sim.sources[0]!.offered);
    expect(replica1.completed).toBeGreaterThan(0.3 * sim.sources[0]!.offered);
    expect(db.master).toBe(3);
  });
});
