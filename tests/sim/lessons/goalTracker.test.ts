import { describe, expect, it } from 'vitest';
import { buildRunReport } from '../../../sim/metrics/runReport';
import { checked } from '../../../sim/scenarios/runScenario';
import type { ScenarioInput } from '../../../sim/scenarios/schema/scenarioSchema';
import { Simulation } from '../../../sim/scenarios/simulation';
import { exponential, fixed, scenario } from '../../helpers/scenarioBuilder';

type LessonInput = NonNullable<ScenarioInput['lesson']>;

/**
 * One client that thinks 0.95 s and waits 0.05 s at the api: a request every second, sent at
 * k - 0.05 s and answered at k s. A slowdown x10 from t = 10 s to 15 s makes the request sent at
 * 10.95 s take 0.5 s: answered at 11.45 s, in the check interval (11, 12].
 */
function steadyClient(lesson: LessonInput): ScenarioInput {
  const doc = scenario('steady')
    .lasting(30)
    .station({ id: 'api', servers: 1, service: fixed(0.05) })
    .source({ id: 'user', kind: 'closed', target: 'api', clients: 1, think: fixed(0.95) })
    .fault({ kind: 'slowdown', at: 10, station: 'api', factor: 10, duration: 5 })
    .input();
  return { ...doc, lesson };
}

const p99Goal = (id: string, from?: number) => ({
  kind: 'latency' as const,
  id,
  title: `p99 under 100 ms${from === undefined ? '' : ` from t = ${from} s`}`,
  source: 'user',
  percentile: 99 as const,
  below: 0.1,
  ...(from === undefined ? {} : { from }),
});

function run(doc: ScenarioInput): Simulation {
  const sim = new Simulation(checked(doc).scenario);
  sim.runToEnd();
  return sim;
}

describe('GoalTracker on a hand-checkable run', () => {
  it('breaks the p99 goal in the interval of the first slow answer, and meets it after the fault', () => {
    const sim = run(
      steadyClient({ text: 'p99', goals: [p99Goal('always'), p99Goal('after', 16)] }),
    );
    const [always, after] = sim.lesson!.states();
    expect(always).toMatchObject({ id: 'always', status: 'broken', at: 12 });
    expect(always!.reason).toMatch(/^p99 0\.50\d s > 0\.100 s in t = 11\.0-12\.0 s$/);
    expect(after).toMatchObject({ id: 'after', status: 'met', at: 30 });
    expect(after!.reason).toMatch(/^held from t = 16\.0 s to 30\.0 s; the worst: p99 0\.05\d s/);
  });

  it('checks at multiples of checkEvery: a coarser check puts the break at its interval end', () => {
    const sim = run(steadyClient({ text: 'p99', checkEvery: 5, goals: [p99Goal('always')] }));
    expect(sim.lesson!.states()[0]).toMatchObject({ status: 'broken', at: 15 });
    expect(sim.lesson!.states()[0]!.reason).toContain('in t = 10.0-15.0 s');
  });

  it('keeps every goal pending before the run reaches its verdicts', () => {
    const sim = new Simulation(
      checked(steadyClient({ text: 'p99', goals: [p99Goal('always')] })).scenario,
    );
    sim.runUntil(8);
    expect(sim.lesson!.states()[0]).toMatchObject({ status: 'pending', at: null });
  });
});

/** A random run: Poisson arrivals, exponential service, an outage; every kind of slicing. */
function busyRun(lesson?: LessonInput): ScenarioInput {
  const doc = scenario('busy')
    .lasting(40)
    .seed(7)
    .station({ id: 'api', servers: 4, service: exponential(0.02), queueCapacity: 50 })
    .poisson('users', 'api', 150)
    .fault({ kind: 'outage', at: 20, station: 'api', duration: 2 })
    .input();
  return lesson ? { ...doc, lesson } : doc;
}

const busyLesson: LessonInput = {
  text: 'busy',
  checkEvery: 0.5,
  goals: [
    { kind: 'latency', id: 'p95', title: 'p95', source: 'users', percentile: 95, below: 0.06 },
    { kind: 'successRatio', id: 'ok', title: 'ok', source: 'users', atLeast: 0.95 },
    { kind: 'utilisation', id: 'busy', title: 'busy', station: 'api', below: 0.95, from: 30 },
  ],
};

const withoutWall = (json: string) => json.replace(/"wallMs":\d+/, '"wallMs":0');

describe('GoalTracker and determinism', () => {
  it('gives the same verdicts however the run is sliced (by time or by event budget)', () => {
    const whole = run(busyRun(busyLesson));
    const sliced = new Simulation(checked(busyRun(busyLesson)).scenario);
    let t = 0;
    while (!sliced.done) {
      t += 0.37;
      sliced.runUntil(t, 997);
    }
    expect(sliced.lesson!.states()).toEqual(whole.lesson!.states());
    // The outage from t = 20 s fails the requests of the first half second after it.
    expect(whole.lesson!.states()[1]).toMatchObject({ status: 'broken', at: 20.5 });
  });

  it('leaves the rest of the report byte-identical to the run without a lesson', () => {
    const plain = buildRunReport(run(busyRun()), 0, []);
    const taught = buildRunReport(run(busyRun(busyLesson)), 0, []);
    expect(plain.lesson).toBeUndefined();
    expect(taught.lesson?.goals).toHaveLength(3);
    const rest = { ...taught };
    delete rest.lesson;
    expect(withoutWall(JSON.stringify(rest))).toBe(withoutWall(JSON.stringify(plain)));
  });
});
