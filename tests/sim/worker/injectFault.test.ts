import { describe, expect, it } from 'vitest';
import { api } from '../../../sim/worker/api';
import { checked, presetScenario, runScenario } from '../../../sim/scenarios/runScenario';
import { PRESETS } from '../../../sim/scenarios/presets';
import { checkFault } from '../../../sim/worker/checkFault';

const withoutWall = (report: object) => JSON.stringify({ ...report, wallMs: 0 });
const timeouts = presetScenario('timeouts').scenario;

/** Runs what the page would export with the CLI's code path: the document, validated, same seed. */
function replay(doc: unknown, seed: number) {
  const { scenario, warnings } = checked(doc);
  return runScenario(scenario, { seed }, warnings);
}

function runToEnd() {
  let snapshot = api.advance(Infinity, Infinity);
  while (!snapshot.done) snapshot = api.advance(Infinity, Infinity);
}

describe('checkFault: one fault, refused with the field and the allowed range', () => {
  const errorsOf = (input: unknown, at?: number, now = 10) => {
    const result = checkFault(timeouts, input, at, now);
    return result.ok ? [] : result.errors;
  };

  it('names a parameter out of range and the value given', () => {
    expect(errorsOf({ kind: 'slowdown', station: 'payment', factor: 5000 })).toEqual([
      'fault.factor: must be a number from 0.001 to 1000, got 5000',
    ]);
    expect(errorsOf({ kind: 'slowdown', station: 'payment', factor: 'fast' })).toEqual([
      'fault.factor: must be a number from 0.001 to 1000, got "fast"',
    ]);
    expect(errorsOf({ kind: 'servers', station: 'api', servers: 2.5 })).toEqual([
      'fault.servers: must be an integer from 0 to 1000000, got 2.5',
    ]);
    expect(errorsOf({ kind: 'outage', station: 'api', duration: 0 })).toEqual([
      'fault.duration: must be a number > 0 s, got 0',
    ]);
  });

  it('names ids that are not in the scenario, with the ones that are', () => {
    expect(errorsOf({ kind: 'outage', station: 'paymnet' })).toEqual([
      'fault.station: unknown station "paymnet" (stations are "api", "payment")',
    ]);
    expect(errorsOf({ kind: 'flushCache', cache: 'redis' })).toEqual([
      'fault.cache: unknown cache "redis" (caches are none)',
    ]);
    expect(errorsOf({ kind: 'centreDown', centre: 'east' })).toEqual([
      'fault.centre: unknown centre "east" (centres are none)',
    ]);
    expect(errorsOf({ kind: 'masterFailover', db: 'orders' })).toEqual([
      'fault.db: unknown database "orders" (databases are none)',
    ]);
  });

  it('refuses an unknown kind, an unknown field, a time outside the run and a run that ended', () => {
    const [unknownKind, ...more] = errorsOf({ kind: 'meteor', station: 'api' });
    expect(more).toEqual([]);
    expect(unknownKind).toMatch(/^fault\.kind: must be "slowdown", "outage", .*, got "meteor"$/);
    expect(errorsOf({ kind: 'outage', station: 'api', factor: 2 })).toEqual([
      'fault: unknown field "factor" (check the spelling; see scenario.schema.json)',
    ]);
    expect(errorsOf({ kind: 'outage', station: 'api' }, 400)).toEqual([
      'fault.at: must be within the run (0 to duration = 150 s), got 400',
    ]);
    expect(errorsOf({ kind: 'outage', station: 'api' }, -1)).toEqual([
      'fault.at: must be a number >= 0 s, got -1',
    ]);
    expect(errorsOf({ kind: 'outage', station: 'api' }, undefined, 150)).toEqual([
      'fault.at: the run has ended (t = 150 s); reset it first',
    ]);
    expect(errorsOf('outage')).toEqual(['fault: must be an object with a "kind" and its fields']);
  });

  it('schedules at now when no time is given or the time has passed, and fills in defaults', () => {
    const now = checkFault(timeouts, { kind: 'outage', station: 'api' }, undefined, 12.5);
    expect(now).toEqual({ ok: true, fault: { kind: 'outage', station: 'api', at: 12.5 } });
    const past = checkFault(timeouts, { kind: 'outage', station: 'api', at: 3 }, undefined, 12.5);
    expect(past.ok && past.fault.at).toBe(12.5);
    const later = checkFault(timeouts, { kind: 'outage', station: 'api', at: 3 }, 40, 12.5);
    expect(later.ok && later.fault.at).toBe(40);
    const multi = presetScenario('multi-active').scenario;
    const down = checkFault(multi, { kind: 'centreDown', centre: 'east' }, 90, 0);
    expect(down).toEqual({
      ok: true,
      fault: { kind: 'centreDown', centre: 'east', at: 90, failoverDelay: 30 },
    });
  });
});

describe('worker API: injectFault', () => {
  it('a refused fault leaves the run exactly as it was', () => {
    api.load(PRESETS.timeouts, 4);
    api.advance(20, Infinity);
    const refused = api.injectFault({ kind: 'slowdown', station: 'payment', factor: 0 });
    expect(refused).toEqual({
      ok: false,
      errors: ['fault.factor: must be a number from 0.001 to 1000, got 0'],
    });
    runToEnd();
    expect(api.scenarioDocument()).toBe(PRESETS.timeouts);
    expect(withoutWall(api.report())).toBe(withoutWall(replay(PRESETS.timeouts, 4)));
  });

  it('a fault injected mid-run changes the run, and the exported scenario replays it byte for byte', () => {
    api.load(PRESETS.timeouts, 4);
    api.advance(20, Infinity);
    const outage = api.injectFault({ kind: 'outage', station: 'payment', duration: 15 });
    expect(outage.ok && outage.fault).toEqual({
      kind: 'outage',
      station: 'payment',
      duration: 15,
      at: 20,
    });
    api.advance(30, Infinity);
    const slow = api.injectFault({ kind: 'servers', station: 'api', servers: 10 }, 100);
    expect(slow.ok && slow.injected.length).toBe(2);
    runToEnd();
    const report = api.report();
    expect(report.stations.payment!.errorsByReason.unavailable).toBeGreaterThan(0);
    expect(report.stations.api!.servers).toBe(10);
    const without = replay(PRESETS.timeouts, 4);
    expect(without.stations.payment!.errorsByReason.unavailable).toBe(0);

    const doc = api.scenarioDocument() as { faults: { kind: string; at: number }[] };
    expect(doc.faults.map((f) => `${f.kind}@${f.at}`)).toEqual([
      'slowdown@30',
      'outage@20',
      'servers@100',
    ]);
    expect(withoutWall(report)).toBe(withoutWall(replay(doc, 4)));
  });

  it('replays every kind a scenario supports: cache flush, centre down, master failover', () => {
    const cases = [
      ['cache-flush', { kind: 'flushCache', cache: 'redis' }, 60],
      ['multi-active', { kind: 'centreDown', centre: 'east', failoverDelay: 10 }, 30],
      ['read-write-split', { kind: 'masterFailover', db: 'orders', promotionDelay: 2 }, 10],
    ] as const;
    for (const [preset, fault, at] of cases) {
      api.load(PRESETS[preset], 2);
      api.advance(at / 2, Infinity);
      const result = api.injectFault(fault, at);
      expect(result.ok, `${preset}: ${JSON.stringify(result)}`).toBe(true);
      runToEnd();
      expect(withoutWall(api.report()), preset).toBe(
        withoutWall(replay(api.scenarioDocument(), 2)),
      );
    }
  });

  it('reset and load drop injected faults: they belong to one run', () => {
    api.load(PRESETS.timeouts);
    expect(api.injectFault({ kind: 'outage', station: 'api' }, 50).ok).toBe(true);
    api.reset();
    expect(api.scenarioDocument()).toBe(PRESETS.timeouts);
    runToEnd();
    const { scenario } = presetScenario('timeouts');
    expect(withoutWall(api.report())).toBe(withoutWall(runScenario(scenario)));
  });
});
