import { describe, expect, it } from 'vitest';
import type { GoalState } from '../../../sim/lessons/goalState';
import { PRESETS } from '../../../sim/scenarios/presets';
import { checked, runScenario } from '../../../sim/scenarios/runScenario';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Runs a preset (changed as its lesson text says, when `change` is given): its goals by id. */
function goalsOf(name: string, change?: (doc: Doc) => void): Record<string, GoalState> {
  const doc = structuredClone(PRESETS[name]) as Doc;
  change?.(doc);
  const report = runScenario(checked(doc).scenario);
  return Object.fromEntries(report.lesson!.goals.map((g) => [g.id, g]));
}

const lessonText = (name: string) => (PRESETS[name] as { lesson: { text: string } }).lesson.text;

/** Presets whose lesson text says its goals are broken as shipped, and which change meets them. */
describe('preset lessons: each goal as its text says', () => {
  it('timeouts: the menu goals break at t = 31-32 s as shipped, and a payment timeout meets them', () => {
    const shipped = goalsOf('timeouts');
    expect(shipped['menu-p99']).toMatchObject({ status: 'broken', at: 31 });
    expect(shipped['menu-succeeds']).toMatchObject({ status: 'broken', at: 32 });
    expect(lessonText('timeouts')).toContain('break at about t = 31 s');
    const fixed = goalsOf('timeouts', (doc) => {
      doc.stations[0].endpoints.orders[1].timeout = 0.2;
      doc.stations[0].endpoints.orders[1].onFailure = 'fallback';
    });
    expect(fixed['menu-p99']!.status).toBe('met');
    expect(fixed['menu-succeeds']!.status).toBe('met');
    // The other fix the text suggests: a Resilience4j bulkhead of 10 on the call, no timeout.
    expect(lessonText('timeouts')).toContain('bulkhead.maxConcurrentCalls');
    const fenced = goalsOf('timeouts', (doc) => {
      doc.stations[0].endpoints.orders[1].bulkhead = { maxConcurrentCalls: 10 };
      doc.stations[0].endpoints.orders[1].onFailure = 'fallback';
    });
    expect(fenced['menu-p99']!.status).toBe('met');
    expect(fenced['menu-succeeds']!.status).toBe('met');
  });

  it('circuit-breaker: met as shipped (worst p99 about 33 ms); without the breaker both break at t = 36 s', () => {
    const shipped = goalsOf('circuit-breaker');
    expect(shipped['orders-p99']).toMatchObject({ status: 'met', at: 150 });
    expect(shipped['orders-p99']!.reason).toContain('the worst: p99 0.033 s');
    expect(shipped['orders-succeed']!.status).toBe('met');
    const bare = goalsOf(
      'circuit-breaker',
      (doc) => delete doc.stations[0].endpoints.page[1].breaker,
    );
    expect(bare['orders-p99']).toMatchObject({ status: 'broken', at: 36 });
    expect(bare['orders-succeed']).toMatchObject({ status: 'broken', at: 36 });
    // The fault the text suggests injecting: a slowdown of the api itself.
    const slowApi = goalsOf('circuit-breaker', (doc) =>
      doc.faults.push({ kind: 'slowdown', at: 60, station: 'api', factor: 10, duration: 20 }),
    );
    expect(slowApi['orders-p99']).toMatchObject({ status: 'broken', at: 61 });
  });

  it('queue-smoothing: drained at t = 131 s (81 s after the burst) as shipped; place-sync fails at t = 33 s', () => {
    const shipped = goalsOf('queue-smoothing');
    expect(shipped.drained).toMatchObject({ status: 'met', at: 131 });
    expect(shipped.drained!.reason).toContain('81.0 s after t = 50.0 s');
    expect(shipped['orders-succeed']!.status).toBe('met');
    const sync = goalsOf('queue-smoothing', (doc) => (doc.sources[0].endpoint = 'place-sync'));
    expect(sync['orders-succeed']).toMatchObject({ status: 'broken', at: 33 });
  });

  it('cache-consistency: a stale read by t = 2 s as shipped; the locked strategy serves none', () => {
    const shipped = goalsOf('cache-consistency');
    expect(shipped['no-stale-read']).toMatchObject({ status: 'broken', at: 2 });
    const locked = goalsOf('cache-consistency', (doc) => {
      doc.stations[0].endpoints.write[0].strategy = 'lockDeleteUpdateReload';
      doc.caches[0].fillUnderLock = true;
    });
    expect(locked['no-stale-read']).toMatchObject({ status: 'met', at: 60 });
  });

  it('read-write-split: stale reads in the first second as shipped; read-your-writes overloads the master until it gets 96 connections', () => {
    const shipped = goalsOf('read-write-split');
    expect(shipped['no-stale-read']).toMatchObject({ status: 'broken', at: 1 });
    expect(shipped['master-busy']!.status).toBe('met');
    expect(shipped['replica-busy']!.status).toBe('met');
    const ryw = goalsOf('read-write-split', (doc) => (doc.databases[0].readYourWrites = 1));
    expect(ryw['no-stale-read']!.status).toBe('met');
    expect(ryw['master-busy']).toMatchObject({ status: 'broken', at: 1 });
    expect(ryw['master-busy']!.reason).toMatch(/^utilisation 9[5-9]\.\d% > 80\.0%/);
    const bigger = goalsOf('read-write-split', (doc) => {
      doc.databases[0].readYourWrites = 1;
      doc.stations[1].servers = 96;
    });
    expect(Object.values(bigger).map((g) => g.status)).toEqual(['met', 'met', 'met']);
    expect(bigger['replica-busy']!.reason).toMatch(/the worst: utilisation (3\d|4[0-5])\.\d%/);
  });

  it('compensation: no order lost as shipped; without the scheduled job about 60 are', () => {
    const shipped = goalsOf('compensation');
    expect(shipped['no-order-lost']).toMatchObject({ status: 'met', at: 300 });
    const noJob = goalsOf('compensation', (doc) => delete doc.orders[0].scanner);
    expect(noJob['no-order-lost']).toMatchObject({ status: 'broken', at: 300 });
    const lost = Number(/^(\d+) orders/.exec(noJob['no-order-lost']!.reason)![1]);
    expect(lost).toBeGreaterThanOrEqual(50);
    expect(lost).toBeLessThanOrEqual(70);
  });
});
