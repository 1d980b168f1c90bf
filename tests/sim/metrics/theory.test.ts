import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, scenarioTheory, stationTheory } from '../../../sim/metrics/theory';
import { createDistribution } from '../../../sim/model/distributions/createDistribution';
import { presetScenario } from '../../../sim/scenarios/runScenario';
import type { ScenarioInput } from '../../../sim/scenarios/schema/scenarioSchema';
import { exponential, fixed, scenario } from '../../helpers/scenarioBuilder';

type StationInput = ScenarioInput['stations'][number];
type SourceInput = ScenarioInput['sources'][number];

/** One station "api" fed by one source "users": the shape the closed forms are for. */
function lone(station: Partial<StationInput>, source: Partial<SourceInput> = {}) {
  return scenario('lone')
    .lasting(1000)
    .station({ id: 'api', servers: 1, service: exponential(1), ...station } as StationInput)
    .source({ id: 'users', kind: 'poisson', target: 'api', rate: 0.8, ...source } as SourceInput);
}

const theoryOf = (b: ReturnType<typeof lone>) => stationTheory(b.build(), 'api');

describe('closed forms', () => {
  it('Erlang B with A = 10 Erlangs on c = 10 servers refuses 21.46% (the classic table value)', () => {
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
  });

  it('Erlang C for two servers is 2 rho^2 / (1 + rho), the M/M/2 textbook form', () => {
    for (const rho of [0.3, 0.5, 0.75, 0.9]) {
      expect(erlangC(2, 2 * rho)).toBeCloseTo((2 * rho * rho) / (1 + rho), 12);
    }
  });
});

describe('stationTheory: stations a closed form describes', () => {
  it('M/M/1 at rho 0.8: W = 5 / mu at any speed, and Little holds', () => {
    const mu = 4;
    const t = theoryOf(lone({ service: exponential(1 / mu) }, { rate: 0.8 * mu }))!;
    expect(t.model).toBe('M/M/c');
    expect(t.label).toBe('M/M/1');
    expect(t.W).toBeCloseTo(5 / mu, 12);
    expect(t.Wq).toBeCloseTo(4 / mu, 12);
    expect(t.L).toBeCloseTo(4, 12);
    expect(t.Lq).toBeCloseTo(3.2, 12);
    expect(t.utilization).toBeCloseTo(0.8, 12);
    expect(t.throughput).toBe(0.8 * mu);
    expect(t.blocking).toBe(0);
  });

  it('M/M/2 at rho 0.75 (Gross & Harris: L = 2 rho / (1 - rho^2), Lq = 2 rho^3 / (1 - rho^2))', () => {
    const t = theoryOf(lone({ servers: 2 }, { rate: 1.5 }))!;
    expect(t.label).toBe('M/M/2');
    expect(t.L).toBeCloseTo(24 / 7, 12);
    expect(t.Lq).toBeCloseTo(27 / 14, 12);
    expect(t.W).toBeCloseTo(16 / 7, 12);
    expect(t.Wq).toBeCloseTo(9 / 7, 12);
    expect(t.utilization).toBeCloseTo(0.75, 12);
  });

  it('the mm8 preset: Wq = 0.877 s at 7.2 Erlangs on 8 servers', () => {
    const theory = scenarioTheory(presetScenario('mm8').scenario);
    expect(Object.keys(theory)).toEqual(['pool']);
    expect(theory.pool!.Wq).toBeCloseTo(0.877, 3);
  });

  it('M/D/1 at rho 0.8 (Pollaczek-Khinchine): Wq = 2 s, half the M/M/1 value', () => {
    const t = theoryOf(lone({ service: fixed(1) }))!;
    expect(t.model).toBe('M/D/1');
    expect(t.Wq).toBeCloseTo(2, 12);
    expect(t.W).toBeCloseTo(3, 12);
    expect(t.L).toBeCloseTo(2.4, 12);
    expect(t.Lq).toBeCloseTo(1.6, 12);
  });

  it('M/G/1 with lognormal service uses its variance (mean 1 s, p99 7 s: cs^2 = 2.30)', () => {
    const service = { type: 'lognormal' as const, mean: 1, p99: 7 };
    const t = theoryOf(lone({ service }, { rate: 0.7 }))!;
    expect(t.model).toBe('M/G/1');
    expect(t.label).toBe('M/G/1');
    const cs2 = createDistribution(service).variance;
    expect(cs2).toBeGreaterThan(2.3);
    expect(cs2).toBeLessThan(2.31);
    // rho tau (1 + cs^2) / (2 (1 - rho)), SEMANTICS.md's form.
    expect(t.Wq).toBeCloseTo((0.7 * (1 + cs2)) / (2 * 0.3), 12);
    expect(t.Wq!).toBeGreaterThan(0.7 / 0.3); // more than M/M/1's: the tail makes queues
  });

  it('M/M/10/10 with no waiting room: Erlang B refusals, carried load and no wait', () => {
    const t = stationTheory(presetScenario('erlang-b').scenario, 'pool')!;
    expect(t.model).toBe('M/G/c/c');
    expect(t.label).toBe('M/M/10/10');
    expect(t.blocking).toBeCloseTo(0.1217, 4);
    expect(t.utilization).toBeCloseTo((8 * (1 - t.blocking)) / 10, 12);
    expect(t.throughput).toBeCloseTo(8 * (1 - t.blocking), 12);
    expect([t.W, t.Wq, t.Lq]).toEqual([1, 0, 0]);
  });

  it('Erlang B is insensitive: deterministic service with no queue refuses as exponential does', () => {
    const d = theoryOf(lone({ servers: 10, queueCapacity: 0, service: fixed(1) }, { rate: 10 }))!;
    expect(d.label).toBe('M/D/10/10');
    expect(d.blocking).toBeCloseTo(0.2146, 4);
  });

  it('an overloaded unbounded queue has no steady state: stable false, no times', () => {
    const t = theoryOf(lone({ servers: 2 }, { rate: 2.5 }))!;
    expect(t.stable).toBe(false);
    expect([t.W, t.Wq, t.L, t.Lq]).toEqual([null, null, null, null]);
    expect(t.utilization).toBe(1);
    expect(t.throughput).toBe(2);
  });

  it('every queueing-theory preset has its station described, and only that one', () => {
    for (const [name, station] of [
      ['mm1', 'server'],
      ['mm8', 'pool'],
      ['md1', 'server'],
      ['erlang-b', 'pool'],
    ] as const) {
      expect(Object.keys(scenarioTheory(presetScenario(name).scenario)), name).toEqual([station]);
    }
  });
});

describe('stationTheory: anything unusual gives null', () => {
  const cases: [string, ReturnType<typeof lone>][] = [
    ['a client timeout', lone({}, { client: { timeout: 10 } })],
    ['client retries', lone({}, { client: { retry: { maxAttempts: 3 } } })],
    ['a time-varying rate', lone({}, { rate: undefined, profile: { points: [[0, 0.8]] } })],
    ['a burst', lone({}, { bursts: [{ start: 10, duration: 5, rate: 2 }] })],
    ['a batch', lone({}, { batches: [{ at: 10, count: 20 }] })],
    ['a finite waiting room (M/M/1/K)', lone({ queueCapacity: 5 })],
    ['routes onward', lone({ routes: [{ to: 'api', p: 0.2 }] })],
    ['a rate limit', lone({ rateLimit: { rate: 1, burst: 1 } })],
    ['load shedding', lone({ shedAtQueueLength: { critical: 10 } })],
    ['deterministic service on 2 servers (M/D/2)', lone({ servers: 2, service: fixed(1) })],
    [
      'endpoints instead of a service time',
      lone({
        service: undefined,
        endpoints: { get: [{ kind: 'work', duration: exponential(1) }] },
      }),
    ],
    ['zero service time', lone({ service: fixed(0) })],
    ['a rate of 0', lone({}, { rate: 0 })],
  ];
  it.each(cases)('%s', (_, b) => {
    expect(theoryOf(b)).toBeNull();
  });

  it('a closed source', () => {
    const b = scenario('closed')
      .lasting(1000)
      .station({ id: 'api', servers: 1, service: exponential(1) })
      .source({ id: 'users', kind: 'closed', target: 'api', clients: 5, think: exponential(1) });
    expect(stationTheory(b.build(), 'api')).toBeNull();
  });

  it('a second source, even to another station', () => {
    expect(
      theoryOf(
        lone({})
          .station({ id: 'db', servers: 1, service: exponential(1) })
          .poisson('jobs', 'db', 0.1),
      ),
    ).toBeNull();
  });

  it('a fault on the station (slowdown, outage, server change)', () => {
    expect(
      theoryOf(lone({}).fault({ kind: 'slowdown', at: 10, station: 'api', factor: 2 })),
    ).toBeNull();
    expect(theoryOf(lone({}).fault({ kind: 'outage', at: 10, station: 'api' }))).toBeNull();
    expect(
      theoryOf(lone({}).fault({ kind: 'servers', at: 10, station: 'api', servers: 2 })),
    ).toBeNull();
  });

  it('another station routing to it', () => {
    const b = lone({}).station({
      id: 'web',
      servers: 1,
      service: exponential(1),
      routes: [{ to: 'api', p: 1 }],
    });
    expect(theoryOf(b)).toBeNull();
  });

  it('another component using it as a node (a cache node, a topic consumer)', () => {
    const cacheNode = lone({})
      .keys(100)
      .cache({ id: 'redis', nodes: ['api'], capacity: 10 });
    expect(theoryOf(cacheNode)).toBeNull();
    const consumer = lone({}).topic({ id: 'orders', partitions: 1, consumers: ['api'] });
    expect(theoryOf(consumer)).toBeNull();
  });

  it('a station nobody sends to, and one that does not exist', () => {
    const b = lone({}).station({ id: 'idle', servers: 1, service: exponential(1) });
    expect(stationTheory(b.build(), 'idle')).toBeNull();
    expect(stationTheory(b.build(), 'nowhere')).toBeNull();
    expect(stationTheory(b.build(), 'api')).not.toBeNull();
  });

  it('no preset beyond the queueing-theory ones claims a closed form', () => {
    for (const name of [
      'lunch-rush',
      'retry-storm',
      'timeouts',
      'circuit-breaker',
      'cache-flush',
    ]) {
      expect(scenarioTheory(presetScenario(name).scenario), name).toEqual({});
    }
  });
});
