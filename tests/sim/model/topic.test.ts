import { describe, expect, it } from 'vitest';
import { fixed, scenario } from '../../helpers/scenarioBuilder';
import { DELAY_LEVELS_SECONDS, retryDelay } from '../../../sim/model/mq/delayLevels';

describe('message queue topic', () => {
  it("RocketMQ's delay levels: retry n waits level 3 + n - 1, 16 retries take 4 h 45 m 40 s", () => {
    expect(DELAY_LEVELS_SECONDS).toHaveLength(18);
    expect(retryDelay(1)).toBe(10);
    expect(retryDelay(2)).toBe(30);
    expect(retryDelay(16)).toBe(7200);
    const total = Array.from({ length: 16 }, (_, i) => retryDelay(i + 1)).reduce((a, b) => a + b);
    expect(total).toBe(4 * 3600 + 45 * 60 + 40);
  });

  it('a message its consumer always fails is retried 16 times, then dead-lettered, not lost', () => {
    const sim = scenario('dlq')
      .lasting(20_000)
      .keys(10, 0)
      .topic({ id: 'events', partitions: 1, consumers: ['consumer'] })
      .station({
        id: 'api',
        servers: 1,
        endpoints: { place: [{ kind: 'publish', topic: 'events' }] },
      })
      .station({
        id: 'consumer',
        servers: 1,
        endpoints: { handle: [{ kind: 'call', to: 'broken' }] },
      })
      .station({ id: 'broken', servers: 1, service: fixed(0.01) })
      .fault({ kind: 'outage', at: 0, station: 'broken' })
      .source({
        id: 'once',
        kind: 'poisson',
        target: 'api',
        rate: 0,
        batches: [{ at: 1, count: 1 }],
      })
      .run();
    const topic = sim.topics[0]!;
    expect(topic.produced).toBe(1);
    expect(topic.redelivered).toBe(16);
    expect(topic.deadLettered).toBe(1);
    expect(topic.lag).toBe(0);
    // 17 deliveries reached the consumer, each failing at the broken dependency.
    expect(sim.stations[1]!.arrivals).toBe(17);
    expect(sim.network.table.inFlight).toBe(0);
  });

  it('partitions are spread over the consumer group and every message is accounted for', () => {
    const sim = scenario('order')
      .lasting(100)
      .keys(1000, 0)
      .topic({ id: 'events', partitions: 4, consumers: ['c1', 'c2'] })
      .station({
        id: 'api',
        servers: 100,
        endpoints: { place: [{ kind: 'publish', topic: 'events' }] },
      })
      .station({
        id: 'c1',
        servers: 1,
        endpoints: { handle: [{ kind: 'work', duration: fixed(0.01) }] },
      })
      .station({
        id: 'c2',
        servers: 1,
        endpoints: { handle: [{ kind: 'work', duration: fixed(0.01) }] },
      })
      .poisson('producers', 'api', 150)
      .run();
    const [c1, c2] = [sim.stations[1]!, sim.stations[2]!];
    const topic = sim.topics[0]!;
    // Four partitions over two consumers: each consumer owns two, and together they see all
    // (but what is still waiting in the partitions' logs when the run ends).
    expect(c1.arrivals + c2.arrivals).toBe(topic.deliveries);
    expect(topic.deliveries).toBeLessThanOrEqual(topic.produced);
    expect(topic.deliveries).toBeGreaterThan(topic.produced - 20);
    expect(Math.abs(c1.arrivals - c2.arrivals) / topic.produced).toBeLessThan(0.1);
    expect(topic.consumed + topic.lag).toBe(topic.produced);
    // The same key always lands on the same partition (what makes per-key ordering possible).
    for (let key = 0; key < 50; key++) expect(topic.partitionOf(key)).toBe(topic.partitionOf(key));
    const partitions = new Set(Array.from({ length: 1000 }, (_, key) => topic.partitionOf(key)));
    expect([...partitions].sort()).toEqual([0, 1, 2, 3]);
  });
});
