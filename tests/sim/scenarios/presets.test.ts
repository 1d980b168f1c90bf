import { describe, expect, it } from 'vitest';
import { presetScenario, runScenario } from '../../../sim/scenarios/runScenario';
import type { ScenarioInput } from '../../../sim/scenarios/schema/scenarioSchema';
import { PRESETS } from '../../../sim/scenarios/presets';
import { checked } from '../../../sim/scenarios/runScenario';

/** Mean of a series over the buckets that start in [from, to). */
function meanOver(t: number[], values: number[], from: number, to: number): number {
  const picked = values.filter((_, i) => t[i]! >= from && t[i]! < to);
  return picked.reduce((a, b) => a + b, 0) / picked.length;
}

function retryStorm(edit: (doc: ScenarioInput) => void = () => {}) {
  const doc = structuredClone(PRESETS['retry-storm']) as ScenarioInput;
  edit(doc);
  const report = runScenario(checked(doc).scenario);
  const { t, sources } = report.series;
  return (from: number, to: number) => meanOver(t, sources.clients!.goodput!, from, to);
}

describe('what the presets claim', () => {
  it('retry-storm: goodput collapses and stays at zero long after the slowdown ends', () => {
    const goodput = retryStorm();
    expect(goodput(0, 60)).toBeGreaterThan(230);
    expect(goodput(150, 300)).toBeLessThan(5);
  });

  it('retry-storm with a retry budget of 10%: it recovers', () => {
    const goodput = retryStorm((doc) => {
      doc.sources[0]!.client!.retry!.budget = { ratio: 0.1, burst: 10 };
    });
    expect(goodput(150, 300)).toBeGreaterThan(230);
  });

  it('retry-storm with servers that cancel on timeout: it recovers', () => {
    const goodput = retryStorm((doc) => {
      doc.stations[0]!.timeoutPolicy = 'cancel';
    });
    expect(goodput(150, 300)).toBeGreaterThan(230);
  });

  it('lunch-rush: the database runs at about 80% at the noon peak and the users are served', () => {
    const { scenario } = presetScenario('lunch-rush');
    const report = runScenario(scenario);
    const { t, stations, sources } = report.series;
    // Peak 600/s x 30% misses x 35 ms / 8 servers = 0.79 around t = 5,400 s.
    const peakUtilisation = meanOver(t, stations['order-db']!.utilization!, 5000, 5800);
    expect(peakUtilisation).toBeGreaterThan(0.72);
    expect(peakUtilisation).toBeLessThan(0.86);
    expect(report.sources.users!.successes / report.sources.users!.offered).toBeGreaterThan(0.999);
    expect(
      meanOver(t, sources.users!.offered!, 5300, 5500) / report.series.bucketSeconds,
    ).toBeGreaterThan(560);
  });
});

describe('timeouts preset', () => {
  const menuGoodputDuringSlowdown = (edit: (doc: ScenarioInput) => void = () => {}) => {
    const doc = structuredClone(PRESETS.timeouts) as ScenarioInput;
    edit(doc);
    const report = runScenario(checked(doc).scenario);
    const { t, sources } = report.series;
    return meanOver(t, sources['menu-users']!.goodput!, 40, 90);
  };

  it('without a call timeout the menu loses most of its goodput while payment is slow', () => {
    expect(menuGoodputDuringSlowdown()).toBeLessThan(150);
  });

  it('with a 200 ms call timeout and a fallback the menu keeps its 300 requests/s', () => {
    const goodput = menuGoodputDuringSlowdown((doc) => {
      const orders = doc.stations[0]!.endpoints!.orders!;
      orders[1] = { kind: 'call', to: 'payment', timeout: 0.2, onFailure: 'fallback' };
    });
    // 300/s offered: Poisson noise over 50 s is about 300 +- 2.5/s, so 280 is a safe floor.
    expect(goodput).toBeGreaterThan(280);
  });
});

describe('cache-flush preset', () => {
  const run = (rate?: number) => {
    const doc = structuredClone(PRESETS['cache-flush']) as ScenarioInput;
    if (rate !== undefined) (doc.sources[0] as { rate: number }).rate = rate;
    const report = runScenario(checked(doc).scenario);
    const { t, sources, caches, stations } = report.series;
    return {
      goodput: (from: number, to: number) =>
        meanOver(t, sources['order-queries']!.goodput!, from, to),
      hitRatio: (from: number, to: number) => meanOver(t, caches.redis!.hitRatio!, from, to),
      dbUtilisation: (from: number, to: number) =>
        meanOver(t, stations['order-db']!.utilization!, from, to),
    };
  };

  let atPeak: ReturnType<typeof run> | undefined;
  const peak = () => (atPeak ??= run());

  it('the hit ratio emerges from Zipf popularity and keeps the database at about half load', () => {
    const { hitRatio, dbUtilisation, goodput } = peak();
    expect(hitRatio(0, 120)).toBeGreaterThan(0.75);
    expect(hitRatio(0, 120)).toBeLessThan(0.85);
    expect(dbUtilisation(0, 120)).toBeLessThan(0.65);
    expect(goodput(0, 120)).toBeGreaterThan(1950);
  });

  it('a flush at 2,000/s takes goodput to zero and it stays there', () => {
    const { goodput, dbUtilisation } = peak();
    expect(goodput(200, 300)).toBeLessThan(50);
    expect(dbUtilisation(200, 300)).toBeGreaterThan(0.97);
  });

  it('the same flush at 600/s is ridden out', () => {
    const { goodput } = run(600);
    expect(goodput(120, 300)).toBeGreaterThan(570);
  });
});

describe('read-write-split preset', () => {
  const run = (edit: (doc: ScenarioInput) => void = () => {}) => {
    const doc = structuredClone(PRESETS['read-write-split']) as ScenarioInput;
    edit(doc);
    return runScenario(checked(doc).scenario);
  };
  /** Poisson counts: 4 standard deviations, as elsewhere. */
  const near = (observed: number, expected: number) =>
    Math.abs(observed - expected) < 4 * Math.sqrt(expected);

  it('the master takes the 1,000 writes/s and each of five replicas about 2,000 reads/s', () => {
    const report = runScenario(presetScenario('read-write-split').scenario);
    expect(near(report.stations.master!.arrivals, 1000 * 30)).toBe(true);
    for (let r = 1; r <= 5; r++) {
      expect(near(report.stations[`replica-${r}`]!.arrivals, 2000 * 30)).toBe(true);
    }
    // Replication lag is real, so some replica reads return the value before the latest write.
    expect(report.databases.orders!.staleReads).toBeGreaterThan(0);
    expect(report.databases.orders!.meanReplicationLag).toBeGreaterThan(0);
  });

  it('read-your-writes for one second removes the stale reads', () => {
    const report = run((doc) => {
      doc.databases![0]!.readYourWrites = 1;
    });
    expect(report.databases.orders!.staleReads).toBe(0);
    expect(report.databases.orders!.readsFromMaster).toBeGreaterThan(0);
  });

  it('more replicas halve the reads per replica but leave write capacity where it was', () => {
    // Writes offered beyond what the master can do (32 threads x 10 ms = 3,200/s).
    const withReplicas = (count: number) =>
      run((doc) => {
        const replicas = Array.from({ length: count }, (_, i) => `replica-${i + 1}`);
        doc.databases![0]!.replicas = replicas;
        doc.stations = [
          ...doc.stations.filter((s) => !s.id.startsWith('replica-')),
          ...replicas.map((id) => ({
            id,
            servers: 32,
            queueCapacity: 5000,
            service: { type: 'exponential' as const, mean: 0.01 },
          })),
        ];
        doc.sources[1] = {
          ...doc.sources[1]!,
          rate: 4000,
          client: { timeout: 1 },
        } as (typeof doc.sources)[1];
      });
    const five = withReplicas(5);
    const ten = withReplicas(10);
    expect(ten.stations['replica-1']!.arrivals).toBeLessThan(
      0.55 * five.stations['replica-1']!.arrivals,
    );
    const writeGoodput = (r: typeof five) => r.sources.writers!.goodput;
    expect(writeGoodput(five)).toBeLessThan(3300);
    expect(Math.abs(writeGoodput(ten) - writeGoodput(five)) / writeGoodput(five)).toBeLessThan(
      0.03,
    );
  });
});

describe('circuit-breaker preset', () => {
  const run = (withBreaker: boolean) => {
    const doc = structuredClone(PRESETS['circuit-breaker']) as ScenarioInput;
    if (!withBreaker) {
      const call = doc.stations[0]!.endpoints!.page![1] as { breaker?: unknown };
      delete call.breaker;
    }
    return runScenario(checked(doc).scenario);
  };

  it('the breaker opens, probes in HALF_OPEN while the dependency is slow, and closes after', () => {
    const report = run(true);
    const breaker = report.breakers['api.page[1]']!;
    const log = breaker.log;
    expect(log[0]).toMatchObject({ from: 'CLOSED', to: 'OPEN' });
    expect(log[0]!.at).toBeGreaterThan(30);
    expect(log[0]!.at).toBeLessThan(35);
    expect(log[1]).toMatchObject({ from: 'OPEN', to: 'HALF_OPEN' });
    // The wait in OPEN is 5 s; the move to HALF_OPEN happens on the first call after it.
    expect(log[1]!.at - log[0]!.at).toBeGreaterThan(5);
    expect(log[1]!.at - log[0]!.at).toBeLessThan(5.2);
    expect(log.some((t) => t.from === 'HALF_OPEN' && t.to === 'OPEN' && t.at < 90)).toBe(true);
    const closed = log.find((t) => t.to === 'CLOSED')!;
    expect(closed.from).toBe('HALF_OPEN');
    expect(closed.at).toBeGreaterThan(90);
    expect(breaker.state).toBe('CLOSED');
    expect(breaker.notPermitted).toBeGreaterThan(5000);
  });

  it('orders keep their goodput with the breaker and starve without it', () => {
    const goodput = (withBreaker: boolean) => {
      const { t, sources } = run(withBreaker).series;
      return meanOver(t, sources.orders!.goodput!, 40, 75);
    };
    // 300 orders/s offered: above 90% of it with the breaker, under 20% without.
    expect(goodput(true)).toBeGreaterThan(270);
    expect(goodput(false)).toBeLessThan(60);
  });
});

/** Runs a preset after an edit, returning the report. */
function runPreset(name: string, edit: (doc: ScenarioInput) => void = () => {}) {
  const doc = structuredClone(PRESETS[name]) as ScenarioInput;
  edit(doc);
  return runScenario(checked(doc).scenario);
}

describe('resource-isolation preset', () => {
  const ordersGoodput = (isolated: boolean) => {
    const { t, sources } = runPreset('resource-isolation', (doc) => {
      if (!isolated) return;
      doc.sources[0]!.target = 'api-critical';
      doc.sources[1]!.target = 'api-noncritical';
    }).series;
    return meanOver(t, sources.orders!.goodput!, 40, 90);
  };

  it('on a shared pool the report batch starves the orders', () => {
    expect(ordersGoodput(false)).toBeLessThan(30);
  });

  it('on isolated pools of the same total size the orders keep their 300/s', () => {
    expect(ordersGoodput(true)).toBeGreaterThan(280);
  });
});

describe('warm-up preset', () => {
  const firstMinute = (edit?: (doc: ScenarioInput) => void) => {
    const { t, sources } = runPreset('warm-up', edit).series;
    const latency = sources.shoppers!.meanLatency!;
    const goodput = sources.shoppers!.goodput!;
    // Mean latency weighted by answers, over [0, 60) s.
    let weighted = 0;
    let answers = 0;
    t.forEach((start, i) => {
      if (start < 60) {
        weighted += latency[i]! * goodput[i]!;
        answers += goodput[i]!;
      }
    });
    return { mean: weighted / answers, worstBucket: Math.max(...latency.slice(0, 20)) };
  };

  it('preloading the hot products makes the first minute more than 50% faster', () => {
    const cold = firstMinute();
    const preloaded = firstMinute((doc) => {
      doc.caches![0]!.preload = 20000;
    });
    expect(preloaded.mean).toBeLessThan(0.5 * cold.mean);
  });

  it('a gradual ramp avoids the cold-start spike without preloading', () => {
    const cold = firstMinute();
    const ramp = firstMinute((doc) => {
      (doc.sources[0] as { profile: { points: [number, number][] } }).profile.points = [
        [0, 0],
        [60, 3000],
      ];
    });
    expect(ramp.worstBucket).toBeLessThan(cold.worstBucket / 5);
  });
});

describe('queue-smoothing preset', () => {
  it('the burst is absorbed: lag climbs to ~40,000, drains in about 80 s, nothing is lost', () => {
    const report = runPreset('queue-smoothing');
    const topic = report.topics['order-events']!;
    // 2,000 excess messages/s for 20 s; Poisson noise on 60,000 arrivals is about +-250.
    expect(topic.maxLag).toBeGreaterThan(38_000);
    expect(topic.maxLag).toBeLessThan(42_000);
    const { t, topics } = report.series;
    const lagAt = (time: number) => topics['order-events']!.lag![t.indexOf(time)]!;
    expect(lagAt(120)).toBeGreaterThan(1_000);
    expect(lagAt(150)).toBeLessThan(50);
    expect(topic.deadLettered).toBe(0);
    expect(topic.produced - topic.consumed).toBe(topic.lag);
    expect(topic.lag).toBeLessThan(20);
    expect(report.sources.orders!.successes / report.sources.orders!.offered).toBeGreaterThan(
      0.999,
    );
  });

  it('without the queue the same burst overloads fulfilment and orders fail', () => {
    const report = runPreset('queue-smoothing', (doc) => {
      doc.sources[0]!.endpoint = 'place-sync';
    });
    const orders = report.sources.orders!;
    expect(orders.successes / orders.offered).toBeLessThan(0.7);
  });
});

describe('multi-active preset', () => {
  const run = (rate?: number) => {
    const { t, sources, stations } = runPreset('multi-active', (doc) => {
      if (rate !== undefined) (doc.sources[0] as { rate: number }).rate = rate;
    }).series;
    return {
      goodput: (a: number, b: number) => meanOver(t, sources.users!.goodput!, a, b),
      utilisation: (id: string, a: number, b: number) =>
        meanOver(t, stations[`api-${id}`]!.utilization!, a, b),
    };
  };

  it('each of three centres carries a third; failover moves the lost third to the survivors', () => {
    const { goodput, utilisation } = run();
    // 800/s on 1,500/s of capacity: 53%.
    for (const centre of ['east', 'central', 'west']) {
      expect(utilisation(centre, 10, 60)).toBeGreaterThan(0.49);
      expect(utilisation(centre, 10, 60)).toBeLessThan(0.58);
    }
    // During the 30 s failover a third of the users get nothing...
    expect(goodput(62, 88)).toBeGreaterThan(0.6 * 2400);
    expect(goodput(62, 88)).toBeLessThan(0.72 * 2400);
    // ...then the survivors carry 1,200/s each (80%) and everyone is served again.
    expect(utilisation('east', 100, 180)).toBeGreaterThan(0.74);
    expect(utilisation('east', 100, 180)).toBeLessThan(0.86);
    expect(goodput(100, 180)).toBeGreaterThan(0.97 * 2400);
  });

  it('without the headroom for a lost centre the survivors drown after the failover', () => {
    const { goodput } = run(3300);
    expect(goodput(10, 60)).toBeGreaterThan(0.97 * 3300);
    expect(goodput(120, 180)).toBeLessThan(0.5 * 3300);
  });
});

describe('sharding preset', () => {
  it('four shards share the load evenly, each about two-thirds busy', () => {
    const report = runPreset('sharding');
    const shards = [0, 1, 2, 3].map((i) => report.stations[`orders-shard-${i}`]!);
    const total = shards.reduce((sum, s) => sum + s.arrivals, 0);
    for (const shard of shards) {
      expect(Math.abs(shard.arrivals / total - 0.25)).toBeLessThan(0.01);
      expect(shard.utilization).toBeGreaterThan(0.6);
      expect(shard.utilization).toBeLessThan(0.8);
    }
    expect(
      report.sources['user-reads']!.successes / report.sources['user-reads']!.offered,
    ).toBeGreaterThan(0.999);
  });

  it('a query by another key costs N shard calls by scatter, and two with the index table', () => {
    const scatter = runPreset('sharding').shardedTables.orders!;
    expect(scatter.callsPerOtherKeyQuery).toBe(4);
    const indexed = runPreset('sharding', (doc) => {
      doc.shardedTables![0]!.indexTable = 'order-index';
    }).shardedTables.orders!;
    expect(indexed.callsPerOtherKeyQuery).toBe(2);
    expect(indexed.shardCalls).toBeLessThan(scatter.shardCalls);
  });

  it('on one shard the same traffic is far beyond a single database', () => {
    const one = runPreset('sharding', (doc) => {
      doc.shardedTables![0]!.shards = ['orders-shard-0'];
    });
    expect(one.stations['orders-shard-0']!.utilization).toBeGreaterThan(0.98);
    expect(one.sources['user-reads']!.goodput).toBeLessThan(1600);
  });
});

describe('shard map', () => {
  it('consistent hashing moves about 1/N of the keys when a shard is added, modulo most of them', async () => {
    const { ShardMap } = await import('../../../sim/model/sharding/shardMap');
    const moved = (strategy: 'modulo' | 'consistentHash') => {
      const before = new ShardMap(4, strategy);
      const after = new ShardMap(5, strategy);
      let count = 0;
      for (let key = 0; key < 100_000; key++)
        if (before.shardOf(key) !== after.shardOf(key)) count++;
      return count / 100_000;
    };
    expect(moved('modulo')).toBeGreaterThan(0.75);
    expect(moved('consistentHash')).toBeGreaterThan(0.12);
    expect(moved('consistentHash')).toBeLessThan(0.28);
  });
});

describe('cache-consistency preset', () => {
  const staleReads = (strategy: string, fillUnderLock = false) => {
    const report = runPreset('cache-consistency', (doc) => {
      const write = doc.stations[0]!.endpoints!.write![0] as { strategy: string };
      write.strategy = strategy;
      doc.caches![0]!.fillUnderLock = fillUnderLock;
    });
    return { cache: report.caches['order-cache']!, readers: report.sources.readers! };
  };

  it('the naive strategies serve stale reads under concurrency; delete-first the most', () => {
    const narrow = staleReads('updateThenDelete').cache.staleReads;
    const wide = staleReads('deleteThenUpdate').cache.staleReads;
    const twoWriters = staleReads('updateThenSet').cache.staleReads;
    expect(narrow).toBeGreaterThan(0);
    expect(twoWriters).toBeGreaterThan(0);
    expect(wide).toBeGreaterThan(10 * narrow);
  });

  it("the article's lock(orderId) { delete; update; reload }, refilled under the lock, serves none", () => {
    const locked = staleReads('lockDeleteUpdateReload', true);
    expect(locked.cache.staleReads).toBe(0);
    expect(locked.cache.locksContended).toBeGreaterThan(0);
    // The price: readers of a key being written wait for its lock.
    const plain = staleReads('updateThenDelete');
    expect(locked.readers.latency.mean!).toBeGreaterThan(plain.readers.latency.mean!);
  });

  it('the lock on writers alone leaves race A open to readers that refill without it', () => {
    expect(staleReads('lockDeleteUpdateReload', false).cache.staleReads).toBeGreaterThan(0);
  });
});
