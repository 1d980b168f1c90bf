import { describe, expect, it } from 'vitest';
import { api } from '../../../sim/worker/api';
import { PRESETS } from '../../../sim/scenarios/presets';
import { traceAccounting } from '../../../sim/trace/traceAccounting';

describe('worker trace API', () => {
  it('answers with nothing, not an error, before a run is loaded', () => {
    // Vitest gives each test file fresh modules: nothing is loaded before this test.
    expect(api.traces()).toEqual([]);
    expect(api.trace(0)).toBeUndefined();
    expect(api.traceNear(1)).toBeUndefined();
  });

  it('lists traces of the loaded run, opens one by id and one near a moment', () => {
    expect(api.load(PRESETS['circuit-breaker'], 1).ok).toBe(true);
    expect(api.tracingSettings().recording).toBe(true);
    api.advance(60, Infinity);
    const all = api.traces();
    expect(all.length).toBeGreaterThan(100);
    expect(all.every((t, i) => i === 0 || all[i - 1]!.end <= t.end)).toBe(true);
    const window = api.traces({ from: 20, to: 30 });
    expect(window.length).toBeGreaterThan(0);
    expect(window.every((t) => t.end >= 20 && t.end <= 30)).toBe(true);
    expect(api.traces({ limit: 5 })).toEqual(all.slice(-5));

    const trace = api.trace(all[0]!.id)!;
    expect(trace.id).toBe(all[0]!.id);
    expect(traceAccounting(trace)).toEqual([]);

    const near = api.traceNear(40)!;
    expect(Math.abs(near.end - 40)).toBeLessThan(1);
    // Within the window the slowest request is chosen, since a latency point asks "why slow?".
    const wide = api.traceNear(40, 5)!;
    const candidates = api.traces({ from: 35, to: 45 });
    expect(wide.latency).toBe(Math.max(...candidates.map((t) => t.latency)));
  });

  it('shows the breaker refusing calls once it opens', () => {
    api.load(PRESETS['circuit-breaker'], 1);
    api.advance(150, Infinity);
    const labels = api
      .traces()
      .map((t) => api.trace(t.id)!)
      .flatMap((t) => t.hops.flatMap((h) => h.notes.map((n) => n.label)));
    expect(labels).toContain('BREAKER OPEN: not permitted');
    expect(labels).toContain('breaker CLOSED: permitted');
  });

  it('a run loaded with tracing off records nothing', () => {
    api.enableTracing({ enabled: false });
    api.load(PRESETS.mm1, 1);
    api.advance(10, Infinity);
    expect(api.tracingSettings().recording).toBe(false);
    expect(api.traces()).toEqual([]);
    api.enableTracing({ enabled: true });
  });
});
