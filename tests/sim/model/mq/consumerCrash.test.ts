import { describe, expect, it } from 'vitest';
import {
  exponential,
  fixed,
  scenario,
  type ScenarioBuilder,
} from '../../../helpers/scenarioBuilder';
import { Simulation } from '../../../../sim/scenarios/simulation';
import type { Topic } from '../../../../sim/model/mq/topic';
import { buildRunReport } from '../../../../sim/metrics/runReport';
import { formatSummary } from '../../../../sim/scenarios/formatSummary';

type TopicInput = NonNullable<ReturnType<ScenarioBuilder['input']>['topics']>[number];

/** One processing of a message by its group, first or duplicate. */
interface Processed {
  partition: number;
  offset: number;
  at: number;
  duplicate: boolean;
}

/** Runs the scenario with an observer on its first topic that logs every processing, in order. */
function run(builder: ScenarioBuilder): { sim: Simulation; topic: Topic; log: Processed[] } {
  const sim = new Simulation(builder.build());
  const topic = sim.topics[0]!;
  const log: Processed[] = [];
  topic.observers.push({
    published: () => {},
    consumed: (_key, at, partition, offset, duplicate) =>
      log.push({ partition, offset, at, duplicate }),
  });
  sim.runToEnd();
  return { sim, topic, log };
}

/**
 * One partition, one single-threaded consumer taking exactly 1/8 s a message, and 100 messages
 * published at t = 1.0625: message k (from 1) is done at 1.0625 + k/8, so every count below can
 * be worked out by hand. Binary fractions keep the times exact; none falls on a commit tick.
 */
function burst(topic: Partial<TopicInput>, crashAt?: number): ScenarioBuilder {
  const builder = scenario('burst')
    .lasting(40)
    .keys(10, 0)
    .topic({ id: 'events', partitions: 1, consumers: ['consumer'], ...topic })
    .station({
      id: 'api',
      servers: 1,
      endpoints: { place: [{ kind: 'publish', topic: 'events' }] },
    })
    .station({ id: 'consumer', servers: 1, service: fixed(0.125) })
    .source({
      id: 'once',
      kind: 'poisson',
      target: 'api',
      rate: 0,
      batches: [{ at: 1.0625, count: 100 }],
    });
  if (crashAt !== undefined) {
    builder.fault({
      kind: 'consumerCrash',
      at: crashAt,
      topic: 'events',
      consumer: 'consumer',
      restartDelay: 5,
    });
  }
  return builder;
}

describe('consumer crash: at-least-once delivery from the last committed offset', () => {
  it('without a crash every message is delivered once and no duplicate appears', () => {
    const { topic, log } = run(burst({ commitInterval: 2 }));
    expect(topic.deliveries).toBe(100);
    expect(topic.duplicates).toBe(0);
    expect(topic.consumed).toBe(100);
    expect(log.map((p) => p.offset)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('commits every 2 s: a crash at 4.3 s replays the 2 messages processed since the 4 s commit', () => {
    // By 4 s, 23 messages are done (1.0625 + 23/8 = 3.9375) and the 4 s commit covers them. By
    // the crash, 25 are done and the 26th (offset 25) is being processed. After the 5 s restart
    // delay the consumer starts again at offset 23: offsets 23 and 24 are duplicates, 25 is
    // delivered again but was never acknowledged, so it is not one.
    const { sim, topic, log } = run(burst({ commitInterval: 2 }, 4.3));
    expect(topic.rewound).toBe(2);
    expect(topic.duplicates).toBe(2);
    expect(topic.deliveries).toBe(103);
    expect(topic.consumed).toBe(100);
    expect(topic.lag).toBe(0);
    expect(log.filter((p) => p.duplicate).map((p) => p.offset)).toEqual([23, 24]);
    // Nothing is processed during the restart delay; the replay starts at 9.3 s.
    const replay = log.findIndex((p) => p.duplicate);
    expect(log[replay - 1]!.at).toBe(1.0625 + 25 * 0.125);
    expect(log[replay]!.at).toBeCloseTo(9.3 + 0.125, 12);
    // The dead consumer's last delivery still ran to the end on the station, unacknowledged: the
    // station served 103, the group acknowledged 102 (100 messages and the 2 duplicates).
    expect(sim.stations[1]!.completed).toBe(topic.deliveries);
    expect(log).toHaveLength(102);
    expect(sim.network.table.inFlight).toBe(0);
  });

  it('commits every 10 messages: the same crash replays the 5 processed since the 20th', () => {
    const { topic, log } = run(burst({ commitInterval: 86_400, commitBatch: 10 }, 4.3));
    expect(topic.duplicates).toBe(5);
    expect(log.filter((p) => p.duplicate).map((p) => p.offset)).toEqual([20, 21, 22, 23, 24]);
    expect(topic.deliveries).toBe(106);
    expect(topic.consumed).toBe(100);
  });

  it('committing after every message leaves nothing to replay', () => {
    const { topic } = run(burst({ commitBatch: 1 }, 4.3));
    expect(topic.duplicates).toBe(0);
    expect(topic.deliveries).toBe(101);
    expect(topic.consumed).toBe(100);
  });
});

describe('deliveries and duplicates in the report', () => {
  it('the run report and the CLI summary give them per topic', () => {
    const { sim } = run(burst({ commitInterval: 2 }, 4.3));
    const report = buildRunReport(sim, 0, []);
    expect(report.topics.events).toMatchObject({
      produced: 100,
      consumed: 100,
      deliveries: 103,
      duplicates: 2,
      redelivered: 0,
      deadLettered: 0,
      lag: 0,
    });
    // topic, produced, consumed, deliveries, duplicates, retried, dead, lag, max lag
    expect(formatSummary(report, sim.scenario)).toMatch(
      /^events +100 +100 +103 +2 +0 +0 +0 +\d+$/m,
    );
  });
});

describe('consumer crashes under Poisson traffic', () => {
  const crashes = [
    { at: 31.3, consumer: 'c1' },
    { at: 62.7, consumer: 'c2' },
    { at: 97.9, consumer: 'c1' },
  ];
  const interval = 5;
  const traffic = (withCrashes: boolean) => {
    const builder = scenario('crashes')
      .lasting(250)
      .seed(11)
      .keys(1000, 0)
      .topic({
        id: 'events',
        partitions: 6,
        consumers: ['c1', 'c2', 'c3'],
        commitInterval: interval,
      })
      .station({
        id: 'api',
        servers: 50,
        endpoints: { place: [{ kind: 'publish', topic: 'events' }] },
      })
      // Publishing stops at 150 s, so the backlog drains before the end and every message counts.
      .source({
        id: 'orders',
        kind: 'poisson',
        target: 'api',
        profile: {
          points: [
            [0, 60],
            [150, 60],
            [150.001, 0],
          ],
        },
      });
    for (const id of ['c1', 'c2', 'c3']) {
      builder.station({ id, servers: 1, service: exponential(0.02) });
    }
    if (withCrashes) {
      for (const c of crashes) {
        builder.fault({
          kind: 'consumerCrash',
          at: c.at,
          topic: 'events',
          consumer: c.consumer,
          restartDelay: 10,
        });
      }
    }
    return run(builder);
  };

  it('duplicates appear only with a crash, as many as were processed and not committed', () => {
    const calm = traffic(false);
    expect(calm.topic.duplicates).toBe(0);
    expect(calm.topic.deliveries).toBe(calm.topic.produced);

    const { topic, log } = traffic(true);
    expect(topic.produced).toBe(calm.topic.produced);
    // Worked out from the processing log alone: a crash of consumer k at c replays, on each
    // partition k owns (p % 3 === k), what was processed from the last commit tick to c.
    let uncommitted = 0;
    for (const c of crashes) {
      const owner = Number(c.consumer.slice(1)) - 1;
      const tick = Math.floor(c.at / interval) * interval;
      uncommitted += log.filter(
        (p) => p.partition % 3 === owner && p.at >= tick && p.at <= c.at,
      ).length;
    }
    expect(uncommitted).toBeGreaterThan(0);
    expect(topic.duplicates).toBe(uncommitted);
    expect(topic.rewound).toBe(uncommitted);
  });

  it('loses nothing and keeps partition order: first processings run 0, 1, 2, ... per partition', () => {
    const { topic, log } = traffic(true);
    expect(topic.lag).toBe(0);
    expect(topic.consumed).toBe(topic.produced);
    expect(topic.deliveries).toBeGreaterThanOrEqual(topic.produced + topic.duplicates);
    let total = 0;
    for (let partition = 0; partition < 6; partition++) {
      const offsets = log.filter((p) => p.partition === partition);
      const firsts = offsets.filter((p) => !p.duplicate).map((p) => p.offset);
      expect(firsts).toEqual(Array.from({ length: firsts.length }, (_, i) => i));
      total += firsts.length;
      // Every processing follows the one before in offset order, but where a replay goes back
      // to the committed offset, and a replay is a run of duplicates from there.
      for (let i = 1; i < offsets.length; i++) {
        const [before, now] = [offsets[i - 1]!, offsets[i]!];
        if (now.offset !== before.offset + 1) {
          expect(now.offset).toBeLessThanOrEqual(before.offset);
          expect(now.duplicate).toBe(true);
        }
        if (now.duplicate && !before.duplicate)
          expect(now.offset).toBeLessThanOrEqual(before.offset);
      }
    }
    expect(total).toBe(topic.produced);
  });
});
