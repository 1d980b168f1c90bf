import { describe, expect, it } from 'vitest';
import { traceAccounting } from '../../../sim/trace/traceAccounting';
import { hopQueued, hopService } from '../../../sim/trace/traceTypes';
import { runTraced, shortPreset, withCreation } from './tracedRun';

/**
 * The identity every finished trace must satisfy (sim/trace/traceTypes.ts): latency = sum of each
 * attempt's top-level hops (queued + in service, back to back) + the backoffs between attempts,
 * and every call's hop lies inside the service of the hop that made it.
 */
describe('trace time accounting', () => {
  const presets: [string, number, ('sync' | 'async')?][] = [
    ['timeouts', 120],
    ['cache-flush', 120],
    ['read-write-split', 60],
    ['circuit-breaker', 120],
    ['retry-storm', 120],
    // Order flows: their calls are nested in the placing visit (sync: the whole saga, with
    // retries, 409s and replays; async: the key check and the persist, with faults).
    ['idempotency', 60, 'sync'],
    ['async-creation', 40, 'async'],
    ['async-creation', 40, 'sync'],
    ['compensation', 100, 'sync'],
    ['compensation', 100, 'async'],
  ];

  const cases = presets.map(([name, seconds, creation]) => ({
    title: creation ? `${name}, ${creation} creation` : name,
    name,
    seconds,
    creation,
  }));

  it.each(cases)('$title: every trace adds up to its latency', ({ name, seconds, creation }) => {
    const { recorder } = runTraced(withCreation(shortPreset(name, seconds), creation));
    const traces = recorder.store.all();
    expect(traces.length).toBeGreaterThan(200);
    const broken = traces
      .map((t) => ({ id: t.id, problems: traceAccounting(t) }))
      .filter((t) => t.problems.length > 0);
    expect(broken).toEqual([]);
    // Not vacuous: complete traces with a real hop tree were checked.
    const withCalls = traces.filter((t) => t.complete && t.hops.some((h) => h.depth > 0));
    if (name !== 'retry-storm') expect(withCalls.length).toBeGreaterThan(50);
    for (const t of traces) {
      const top = t.hops.filter((h) => h.depth === 0);
      const hopTime = top.reduce((sum, h) => sum + hopQueued(h) + hopService(h), 0);
      const backoffs = t.attempts.reduce((sum, a) => sum + a.backoff, 0);
      expect(hopTime + backoffs).toBeCloseTo(t.latency, 9);
    }
    if (creation === undefined) return;
    const made = (call: string) => traces.filter((t) => t.hops.some((h) => h.call === call));
    expect(made('key check').length).toBeGreaterThan(200);
    expect(made('persist order').length).toBeGreaterThan(200);
    // Async creation answers at the persist: the saga's later calls are not the request's.
    if (creation === 'sync') expect(made('capture payment').length).toBeGreaterThan(200);
    else expect(made('reserve rider')).toEqual([]);
  });

  it('catches a trace whose hops do not add up', () => {
    const { recorder } = runTraced(shortPreset('cache-flush', 30));
    const trace = structuredClone(recorder.store.all().find((t) => t.hops.length > 1)!);
    expect(traceAccounting(trace)).toEqual([]);
    trace.hops[0]!.ended += 0.001;
    expect(traceAccounting(trace).length).toBeGreaterThan(0);
  });
});
