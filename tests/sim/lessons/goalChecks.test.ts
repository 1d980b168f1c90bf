import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../../sim/metrics/latencyHistogram';
import { BacklogCheck } from '../../../sim/lessons/backlogCheck';
import { LatencyCheck } from '../../../sim/lessons/latencyCheck';
import { OrdersLostCheck } from '../../../sim/lessons/ordersLostCheck';
import { StaleReadsCheck } from '../../../sim/lessons/staleReadsCheck';
import { SuccessRatioCheck } from '../../../sim/lessons/successRatioCheck';
import { UtilisationCheck } from '../../../sim/lessons/utilisationCheck';
import { GoalSchema, type GoalSpec } from '../../../sim/scenarios/schema/lessonSchema';

/** A goal as a file would give it, with the schema's defaults filled in. */
const goal = <K extends GoalSpec['kind']>(input: Record<string, unknown> & { kind: K }) =>
  GoalSchema.parse({ id: 'g', title: 'A goal', ...input }) as Extract<GoalSpec, { kind: K }>;

/** Latencies and failures fed by hand, as a source's counters would be. */
class FakeLatencies {
  latency = new LatencyHistogram();
  failures = 0;
  record(seconds: number, times = 1) {
    for (let i = 0; i < times; i++) this.latency.record(seconds);
  }
  subject() {
    return {
      latency: this.latency,
      recorded: () => this.latency.count,
      failed: () => this.failures,
    };
  }
}

describe('latency goal', () => {
  const spec = goal({ kind: 'latency', source: 'users', percentile: 99, below: 0.2 });

  it('is met at the end of the run when every interval stays under the bound', () => {
    const fake = new FakeLatencies();
    const check = new LatencyCheck(spec, fake.subject());
    for (let t = 1; t <= 3; t++) {
      fake.record(0.05, 100);
      check.check(t - 1, t);
    }
    expect(check.state.status).toBe('pending');
    check.finish(3);
    expect(check.state).toMatchObject({ status: 'met', at: 3 });
    expect(check.state.reason).toMatch(
      /^held from t = 0\.0 s to 3\.0 s; the worst: p99 0\.05\d s <= 0\.200 s/,
    );
  });

  it('breaks in the first interval whose p99 is over the bound, naming the numbers', () => {
    const fake = new FakeLatencies();
    const check = new LatencyCheck(spec, fake.subject());
    fake.record(0.05, 100);
    check.check(0, 1);
    // 98 fast and 2 slow: the 99th of 100 is slow.
    fake.record(0.05, 98);
    fake.record(0.4, 2);
    check.check(1, 2);
    expect(check.state.status).toBe('broken');
    expect(check.state.at).toBe(2);
    expect(check.state.reason).toMatch(/^p99 0\.40\d s > 0\.200 s in t = 1\.0-2\.0 s$/);
    // Later good intervals do not mend it: the page shows when it broke.
    fake.record(0.05, 100);
    check.check(2, 3);
    check.finish(3);
    expect(check.state).toMatchObject({ status: 'broken', at: 2 });
  });

  it('counts failed requests as slower than the bound', () => {
    const fake = new FakeLatencies();
    const check = new LatencyCheck(spec, fake.subject());
    fake.record(0.01, 97);
    fake.failures = 3; // 3 of 100 failed: more than the 1% a p99 lets through
    check.check(0, 1);
    expect(check.state.status).toBe('broken');
    expect(check.state.reason).toBe(
      'p99 over 0.200 s: 3 of 100 requests failed (3.0%) in t = 0.0-1.0 s',
    );
  });

  it('ignores intervals outside its window', () => {
    const fake = new FakeLatencies();
    const windowed = goal({
      kind: 'latency',
      source: 'u',
      percentile: 50,
      below: 0.2,
      from: 2,
      to: 3,
    });
    const check = new LatencyCheck(windowed, fake.subject());
    fake.record(1, 10); // slow, but before the window
    check.check(0, 1);
    fake.record(1, 10);
    check.check(1, 2);
    expect(check.state.status).toBe('pending');
    fake.record(0.1, 10);
    check.check(2, 3);
    // The window closed at t = 3 s without a bad interval.
    expect(check.state).toMatchObject({ status: 'met', at: 3 });
  });
});

describe('success ratio goal', () => {
  it('breaks in the interval where too few succeed', () => {
    let ok = 0;
    let failed = 0;
    const check = new SuccessRatioCheck(
      goal({ kind: 'successRatio', source: 'users', atLeast: 0.99 }),
      { successes: () => ok, failures: () => failed },
    );
    ok = 100;
    check.check(0, 1);
    expect(check.state.status).toBe('pending');
    ok += 90;
    failed += 10;
    check.check(1, 2);
    expect(check.state).toMatchObject({ status: 'broken', at: 2 });
    expect(check.state.reason).toBe('90.0% of 100 requests succeeded < 99.0% in t = 1.0-2.0 s');
  });
});

describe('utilisation goal', () => {
  it('judges busy over available server-seconds per interval', () => {
    // 2 servers: 1 busy in the first second, both in the second.
    const busy = [0, 1, 3];
    const check = new UtilisationCheck(goal({ kind: 'utilisation', station: 'db', below: 0.8 }), {
      busyAreaAt: (t) => busy[t]!,
      capacityAreaAt: (t) => 2 * t,
    });
    check.check(0, 1);
    expect(check.state.status).toBe('pending');
    expect(check.state.reason).toContain('utilisation 50.0% <= 80.0%');
    check.check(1, 2);
    expect(check.state).toMatchObject({ status: 'broken', at: 2 });
    expect(check.state.reason).toBe('utilisation 100.0% > 80.0% in t = 1.0-2.0 s');
  });
});

describe('stale reads goal', () => {
  it('breaks as soon as the count passes atMost, at that check', () => {
    let stale = 0;
    const check = new StaleReadsCheck(
      goal({ kind: 'staleReads', cache: 'c', atMost: 1 }),
      () => stale,
    );
    stale = 1;
    check.check(0, 0.5);
    expect(check.state.status).toBe('pending');
    stale = 3;
    check.check(0.5, 1);
    expect(check.state).toMatchObject({ status: 'broken', at: 1 });
    expect(check.state.reason).toBe(
      '3 stale reads from cache "c" by t = 1.0 s, more than the 1 allowed',
    );
  });

  it('counts only its window and is met when the window closes', () => {
    let stale = 0;
    const check = new StaleReadsCheck(
      goal({ kind: 'staleReads', db: 'orders', from: 1, to: 3 }),
      () => stale,
    );
    stale = 5; // before the window: not counted
    check.check(0, 1);
    check.check(1, 2);
    check.check(2, 3);
    expect(check.state).toMatchObject({ status: 'met', at: 3 });
    expect(check.state.reason).toBe(
      '0 stale reads from database "orders" from t = 1.0 s to 3.0 s (0 allowed)',
    );
  });
});

describe('orders lost goal', () => {
  it('stays pending while orders may still be rescued, then decides at the end', () => {
    let stuck = 4;
    const check = new OrdersLostCheck(goal({ kind: 'ordersLost', flow: 'orders' }), () => stuck);
    check.check();
    expect(check.state.status).toBe('pending');
    expect(check.state.reason).toContain('4 orders stuck now');
    stuck = 0; // the scheduled job unstuck them
    check.finish(300);
    expect(check.state).toMatchObject({ status: 'met', at: 300 });
  });

  it('is broken at the end when orders are still stuck', () => {
    const check = new OrdersLostCheck(goal({ kind: 'ordersLost', flow: 'orders' }), () => 61);
    check.finish(300);
    expect(check.state).toMatchObject({ status: 'broken', at: 300 });
    expect(check.state.reason).toMatch(/^61 orders of flow "orders" still stuck at the end/);
  });
});

describe('backlog drained goal', () => {
  const spec = goal({ kind: 'backlogDrained', topic: 't', after: 10, within: 5, atMost: 2 });

  it('is met at the first check after `after` that sees the lag drained', () => {
    const lags = new Map([
      [9, 0],
      [10, 100],
      [12, 40],
      [13, 2],
    ]);
    let t = 0;
    const check = new BacklogCheck(spec, () => lags.get(t)!);
    for (t of [9, 10, 12, 13]) check.check(0, t);
    expect(check.state).toMatchObject({ status: 'met', at: 13 });
    expect(check.state.reason).toBe(
      'lag 2 <= 2 at t = 13.0 s, 3.0 s after t = 10.0 s (largest seen 100)',
    );
  });

  it('breaks at the deadline when the lag is still there', () => {
    const check = new BacklogCheck(spec, () => 50);
    check.check(0, 14);
    expect(check.state.status).toBe('pending');
    check.check(14, 15);
    expect(check.state).toMatchObject({ status: 'broken', at: 15 });
    expect(check.state.reason).toBe(
      'lag 50 > 2 at t = 15.0 s: not drained within 5.0 s after t = 10.0 s',
    );
  });
});
