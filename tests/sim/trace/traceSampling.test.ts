import { describe, expect, it } from 'vitest';
import { buildRunReport } from '../../../sim/metrics/runReport';
import { Simulation } from '../../../sim/scenarios/simulation';
import { runTraced, shortPreset, withCreation } from './tracedRun';

/** The report without its wall-clock time, the one figure that may differ between two runs. */
function reportJson(sim: Simulation): string {
  return JSON.stringify({ ...buildRunReport(sim, 0, []), wallMs: 0 });
}

describe('trace sampling', () => {
  it.each([
    ['retry-storm', 60],
    ['cache-flush', 60],
  ])('%s: the report is byte-identical with and without tracing', (name, seconds) => {
    const scenario = shortPreset(name, seconds);
    const plain = new Simulation(scenario);
    plain.runToEnd();
    const { sim, recorder } = runTraced(scenario);
    expect(recorder.store.all().length).toBeGreaterThan(100);
    expect(reportJson(sim)).toBe(reportJson(plain));
  });

  /**
   * The order flows' calls traced one by one: async with a crash, an outage and a slow provider
   * (compensation), sync with client retries meeting 409s and replays (idempotency), and sync
   * through the same faults, the client waiting on the whole saga.
   */
  it.each([
    ['compensation', 100, 'async'],
    ['idempotency', 60, 'sync'],
    ['compensation', 100, 'sync'],
  ] as const)(
    '%s for %i s, %s creation: byte-identical with and without tracing',
    (name, s, creation) => {
      const scenario = withCreation(shortPreset(name, s), creation);
      const plain = new Simulation(scenario);
      plain.runToEnd();
      const { sim, recorder } = runTraced(scenario);
      const traces = recorder.store.all();
      expect(
        traces.filter((t) => t.hops.some((h) => h.call === 'persist order')).length,
      ).toBeGreaterThan(100);
      expect(reportJson(sim)).toBe(reportJson(plain));
    },
  );

  it('picks the same requests in two runs, about samplesPerSecond per source', () => {
    const scenario = shortPreset('cache-flush', 30);
    const ids = () =>
      runTraced(scenario, { samplesPerSecond: 5 })
        .recorder.store.all()
        .filter((t) => t.outcome === 'ok')
        .map((t) => t.id);
    const first = ids();
    expect(ids()).toEqual(first);
    // 5 per simulated second for 30 s from one source, give or take the gaps between arrivals.
    expect(first.length).toBeGreaterThan(100);
    expect(first.length).toBeLessThanOrEqual(151);
  });

  it('records every request that failed for good, sampled or not', () => {
    const { sim, recorder } = runTraced(shortPreset('timeouts', 120), {
      limits: { recent: 10, failed: 1_000_000, archiveSlots: 10 },
    });
    const failedForGood = sim.sources.reduce(
      (sum, s) => sum + s.failedTimeout + s.failedRejected + s.failedUnavailable + s.failedError,
      0,
    );
    expect(failedForGood).toBeGreaterThan(100);
    const failed = recorder.store.all().filter((t) => t.outcome !== 'ok');
    expect(failed.length).toBe(failedForGood);
    expect(new Set(failed.map((t) => t.id)).size).toBe(failed.length);
    expect(failed.some((t) => !t.complete)).toBe(true);
  });

  it('keeps memory bounded: at most the rings plus the archive', () => {
    const limits = { recent: 20, failed: 20, archiveSlots: 10 };
    const { recorder } = runTraced(shortPreset('retry-storm', 120), { limits });
    expect(recorder.store.all().length).toBeLessThanOrEqual(20 + 20 + 2 * 10 + 2);
  });
});
