import { describe, expect, it } from 'vitest';
import {
  degradationLevelProblem,
  degradationRung,
  runDegradationScenario,
  type DegradationRung,
} from '../../../sim/inspect/degradationLadder';
import { qualityOf, type Outcomes } from '../../../sim/inspect/degradationQuality';
import {
  CALL_TIMEOUT,
  DEGRADATION_RUNGS,
  USER_TIMEOUT,
} from '../../../sim/inspect/degradationScenario';

const answered = (o: Outcomes) => o.fresh + o.stale + o.fallback;
const share = (part: number, o: Outcomes) => part / o.offered;

describe('degradation ladder', () => {
  const [full, stale, fallback, shed] = [0, 1, 2, 3].map((level) => degradationRung(level, 1)) as [
    DegradationRung,
    DegradationRung,
    DegradationRung,
    DegradationRung,
  ];

  it('accounts for every request once: the five outcomes add up, none negative', () => {
    for (const r of [full, stale, fallback, shed]) {
      for (const o of [r.all, r.browse, r.checkout]) {
        expect(o.fresh + o.stale + o.fallback + o.shed + o.failed, r.rung).toBe(o.offered);
        for (const n of [o.fresh, o.stale, o.fallback, o.shed, o.failed]) {
          expect(n).toBeGreaterThanOrEqual(0);
        }
      }
      expect(r.all.offered).toBe(r.browse.offered + r.checkout.offered);
      // About 600 requests a second for 10 s.
      expect(r.all.offered).toBeGreaterThan(5500);
      expect(r.all.offered).toBeLessThan(6500);
    }
    // Each rung's own kind of answer appears on that rung only.
    expect([full, stale, fallback, shed].map((r) => r.all.stale > 0)).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect([full, stale, fallback, shed].map((r) => r.all.fallback > 0)).toEqual([
      false,
      false,
      true,
      false,
    ]);
    expect([full, stale, fallback, shed].map((r) => r.all.shed > 0)).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('full service at the peak: most users get nothing, the answered wait, pricing wastes work', () => {
    expect(share(answered(full.all), full.all)).toBeLessThan(0.5);
    // The answers that do come take most of the user's patience.
    expect(full.all.p50!).toBeGreaterThan(0.5);
    expect(full.all.p99!).toBeGreaterThan(CALL_TIMEOUT);
    expect(full.all.p99!).toBeLessThanOrEqual(USER_TIMEOUT);
    // Checkouts suffer with the menu pages: they wait on the same pricing queue.
    expect(share(full.checkout.failed, full.checkout)).toBeGreaterThan(0.3);
    // A good share of pricing's work is for callers that had already given up.
    expect(full.pricing.wasted / full.pricing.served).toBeGreaterThan(0.3);
  });

  it('stale cache answers: nearly everyone answered, some with an old price, and fast', () => {
    expect(share(answered(stale.all), stale.all)).toBeGreaterThan(0.99);
    expect(share(stale.browse.stale, stale.browse)).toBeGreaterThan(0.01);
    expect(share(stale.browse.stale, stale.browse)).toBeLessThan(0.3);
    expect(stale.browse.p99!).toBeLessThan(0.05);
    expect(stale.checkout.failed).toBe(0);
    // Pricing sees the checkouts and a trickle of misses: a fraction of full service's load.
    expect(stale.pricing.served).toBeLessThan(full.pricing.served / 4);
    expect(stale.pricing.wasted).toBe(0);
  });

  it('static fallback: everyone answered, a share with the list price, no one waits a second', () => {
    expect(share(answered(fallback.all), fallback.all)).toBeGreaterThan(0.99);
    expect(share(fallback.browse.fallback, fallback.browse)).toBeGreaterThan(0.1);
    expect(share(fallback.browse.fallback, fallback.browse)).toBeLessThan(0.8);
    expect(fallback.all.p99!).toBeLessThan(0.5);
    expect(fallback.all.p99!).toBeLessThan(full.all.p99! / 2);
    // Pricing still runs near its limit, so checkouts wait longer than with shedding.
    expect(fallback.checkout.p99!).toBeGreaterThan(shed.checkout.p99!);
  });

  it('shedding refuses menu pages fast and keeps every checkout, and checkouts fast', () => {
    expect(share(shed.browse.shed, shed.browse)).toBeGreaterThan(0.1);
    expect(shed.browse.failed).toBe(0);
    expect(shed.checkout.shed).toBe(0);
    expect(shed.checkout.failed).toBe(0);
    expect(shed.checkout.p99!).toBeLessThan(0.25);
    expect(shed.checkout.p99!).toBeLessThan(full.checkout.p50!);
  });

  it('the quality ordering the view states holds for several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const q = [0, 1, 2, 3].map((level) => degradationRung(level, seed).quality);
      const [qFull, qStale, qFallback, qShed] = q as [number, number, number, number];
      expect(qStale, `seed ${seed}`).toBeGreaterThan(qFallback);
      expect(qFallback, `seed ${seed}`).toBeGreaterThan(qShed);
      expect(qShed, `seed ${seed}`).toBeGreaterThan(qFull);
    }
  });

  it('quality is the weighted average of the outcomes', () => {
    const o: Outcomes = {
      offered: 10,
      fresh: 4,
      stale: 2,
      fallback: 2,
      shed: 1,
      failed: 1,
      p50: null,
      p99: null,
    };
    // (4 * 1 + 2 * 0.8 + 2 * 0.5) / 10
    expect(qualityOf(o)).toBeCloseTo(0.66, 12);
    expect(full.quality).toBe(qualityOf(full.all));
  });

  it('counts agree with counters the view does not read', () => {
    // Shedding: every menu page that failed failed because pricing refused its call.
    const shedRun = runDegradationScenario('shed', 1);
    expect(shedRun.sources[0]!.failedError).toBe(shed.browse.shed);
    expect(shedRun.stations[1]!.rejected).toBe(shed.browse.shed);
    // Fallback: the fresh menu pages are the menu calls that pricing answered.
    const fallbackRun = runDegradationScenario('fallback', 1);
    const menu = fallbackRun.programs[0]!.stats[0]!;
    expect(menu.calls - menu.callFailures).toBe(fallback.browse.fresh);
  });

  it('is deterministic with the seed, and the seed matters', () => {
    expect(degradationRung(2, 7)).toEqual(degradationRung(2, 7));
    expect(degradationRung(2, 8).all).not.toEqual(degradationRung(2, 7).all);
  });

  it('refuses a level outside the ladder with a message naming the range', () => {
    const message = `level must be an integer from 0 to ${DEGRADATION_RUNGS.length - 1}`;
    expect(degradationLevelProblem(4)).toBe(message);
    expect(degradationLevelProblem(-1)).toBe(message);
    expect(degradationLevelProblem(1.5)).toBe(message);
    expect(degradationLevelProblem('1')).toBe(message);
    expect(degradationLevelProblem(3)).toBeNull();
    expect(() => degradationRung(4)).toThrow(RangeError);
  });
});
