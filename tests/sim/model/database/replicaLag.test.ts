import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../../sim/kernel/rng';
import type { Distribution } from '../../../../sim/model/distributions/distribution';
import { ApplyQueue } from '../../../../sim/model/database/applyQueue';
import { ReplicatedDatabase } from '../../../../sim/model/database/replicatedDatabase';
import { exponential, fixed, scenario } from '../../../helpers/scenarioBuilder';

/**
 * A distribution that hands out `values` in turn. The database draws each write's figures replica
 * by replica, so with one value per replica every replica gets its own, fixed, figure.
 */
function perReplica(...values: number[]): Distribution {
  let k = 0;
  return {
    sample: () => values[k++ % values.length]!,
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    variance: 0,
    describe: () => `per replica ${values.join(', ')}`,
  };
}

/** Master 0, replicas 1 and 2; every figure a multiple of 1/1024 s, so every sum is exact. */
function twoReplicas(shipDelay: Distribution, applyTime: Distribution) {
  return new ReplicatedDatabase(
    {
      id: 'orders',
      master: 0,
      replicas: [1, 2],
      shipDelay,
      applyTime,
      readRouting: 'replicas',
      readYourWritesWindow: 0,
    },
    new RandomStream(1, 2, 3),
  );
}

const MS = 1 / 1024;

describe('replication lag per replica', () => {
  it('a replica with a slower SQL thread lags more than its sibling', () => {
    // 200 writes/s; replica 0 applies one in 4 ms (80% busy), replica 1 in 1 ms (20% busy).
    const db = twoReplicas(perReplica(MS), perReplica(4 * MS, MS));
    for (let k = 0; k < 2000; k++) db.committed(k, k * 5 * MS);
    const mean = (r: number) => db.replicaLagSum[r]! / db.replicaLagSamples[r]!;
    // The fast one never queues: ship delay plus apply time, exactly.
    expect(mean(1)).toBe(2 * MS);
    expect(db.replicaMaxLag[1]).toBe(2 * MS);
    expect(mean(0)).toBe(5 * MS);
    expect(db.replicaMaxLag[0]).toBe(5 * MS);
  });

  it('a replica with a longer ship delay lags more, and queues behind its own backlog', () => {
    // Replica 0's binlog arrives 20 ms after commit, replica 1's after 1 ms; writes every 2 ms,
    // applied in 3 ms: both threads fall behind, by the same 1 ms a write.
    const db = twoReplicas(perReplica(20 * MS, MS), perReplica(3 * MS));
    for (let k = 0; k < 100; k++) db.committed(k, k * 2 * MS);
    expect(db.replicaMaxLag[0]).toBe(db.replicaMaxLag[1]! + 19 * MS);
    expect(db.replicaLagSum[0]).toBe(db.replicaLagSum[1]! + 100 * 19 * MS);
    expect(db.maxLag).toBe(db.replicaMaxLag[0]);
  });

  it('per-replica figures make up the totals: samples exactly, sums exactly here', () => {
    const db = twoReplicas(perReplica(MS, 3 * MS), perReplica(2 * MS, MS));
    for (let k = 0; k < 500; k++) db.committed(k % 7, k * MS);
    expect(db.replicaLagSamples[0]! + db.replicaLagSamples[1]!).toBe(db.lagSamples);
    expect(db.replicaLagSum[0]! + db.replicaLagSum[1]!).toBe(db.lagSum);
    expect(Math.max(db.replicaMaxLag[0]!, db.replicaMaxLag[1]!)).toBe(db.maxLag);
  });

  it('current lag reads as Seconds_Behind_Source: the write being applied, 0 when caught up', () => {
    // Ship 1 ms, apply 4 ms; writes at 0, 1 and 2 ms apply over [1, 5], [5, 9], [9, 13] ms.
    const db = twoReplicas(perReplica(MS), perReplica(4 * MS));
    for (let k = 0; k < 3; k++) db.committed(k, k * MS);
    // Nothing has reached the relay log yet: the IO thread lags, the SQL thread does not.
    expect(db.replicaLagAt(0, 0.5 * MS)).toBe(0);
    // Applying the write committed at 0, then the one at 1 ms, then the one at 2 ms.
    expect(db.replicaLagAt(0, 3 * MS)).toBe(3 * MS);
    expect(db.replicaLagAt(0, 6 * MS)).toBe(5 * MS);
    expect(db.replicaLagAt(0, 12 * MS)).toBe(10 * MS);
    expect(db.replicaLagAt(0, 13 * MS)).toBe(0);
    expect(db.replicaLagAt(1, 20 * MS)).toBe(0);
    // Reading it changes nothing: the same answer again.
    expect(db.replicaLagAt(0, 6 * MS)).toBe(5 * MS);
  });

  it('keeps only the writes not yet applied, however long the run', () => {
    const db = twoReplicas(perReplica(MS), perReplica(2 * MS));
    for (let k = 0; k < 100_000; k++) db.committed(k, k * 4 * MS);
    expect(db.pendingOn(0)).toBeLessThanOrEqual(1);
    expect(db.pendingOn(1)).toBeLessThanOrEqual(1);
  });
});

describe('the apply queue', () => {
  it('grows past its first ring and keeps the order', () => {
    const queue = new ApplyQueue();
    for (let k = 0; k < 10; k++) queue.push(k, k + 0.5, k + 1);
    queue.dropApplied(4); // applied: the writes ending at 1..4
    expect(queue.size).toBe(6);
    // Wrap around and grow: 6 + 40 writes.
    for (let k = 10; k < 50; k++) queue.push(k, k + 0.5, k + 1);
    expect(queue.size).toBe(46);
    expect(queue.secondsBehindAt(4.75)).toBe(0.75); // the write committed at 4 is applying
    expect(queue.secondsBehindAt(30.7)).toBe(30.7 - 30);
    expect(queue.secondsBehindAt(30.2)).toBe(0); // 29 applied, 30 not arrived yet
    queue.dropApplied(49.9);
    expect(queue.size).toBe(1);
    expect(queue.secondsBehindAt(49.25)).toBe(0); // committed at 49, not arrived until 49.5
    expect(queue.secondsBehindAt(50)).toBe(0);
  });
});

describe('per-replica lag in a simulation', () => {
  it('adds up to the database figures over a noisy run', () => {
    const sim = scenario('replicas')
      .lasting(20)
      .seed(5)
      .keys(1000, 0)
      .database({
        id: 'orders',
        master: 'master',
        replicas: ['r1', 'r2', 'r3'],
        shipDelay: exponential(0.001),
        applyTime: exponential(0.0004),
      })
      .station({
        id: 'api',
        servers: 1000,
        endpoints: { place: [{ kind: 'dbWrite', db: 'orders' }] },
      })
      .station({ id: 'master', servers: 64, service: fixed(0.001) })
      .station({ id: 'r1', servers: 8, service: fixed(0.001) })
      .station({ id: 'r2', servers: 8, service: fixed(0.001) })
      .station({ id: 'r3', servers: 8, service: fixed(0.001) })
      .source({ id: 'writes', kind: 'poisson', target: 'api', endpoint: 'place', rate: 2000 })
      .run();
    const db = sim.databases[0]!;
    const sums = Array.from(db.replicaLagSum);
    const samples = Array.from(db.replicaLagSamples);
    expect(samples).toEqual([db.writes, db.writes, db.writes]);
    expect(samples.reduce((a, b) => a + b)).toBe(db.lagSamples);
    // The same terms added in another order: equal up to rounding.
    expect(sums.reduce((a, b) => a + b) / db.lagSum).toBeCloseTo(1, 12);
    expect(Math.max(...db.replicaMaxLag)).toBe(db.maxLag);
    // 80% busy SQL threads: each replica lags, none by the same amount.
    expect(new Set(sums).size).toBe(3);
    for (const r of [0, 1, 2]) expect(db.pendingOn(r)).toBeLessThan(100);
  });
});
