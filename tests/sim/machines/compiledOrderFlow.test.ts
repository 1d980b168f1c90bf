/**
 * The benchmark's workload (bench/orders.ts) is the same run under both engines: many orders
 * interleaved on one kernel, service replies, RPC timeouts, retries with backoff, compensations,
 * client retries and key expiry, with every intent logged with its params and simulated time.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OrderFlow, type Engine } from '../../../bench/orders';

function run(engine: Engine, orders: number, seed: number, failureScale: number) {
  const log: [string, unknown, number][] = [];
  const flow = new OrderFlow({
    engine,
    orders,
    seed,
    failureScale,
    // A high rate crowds many orders into each backoff and timeout.
    rate: 2000,
    record: (type, params, at) => log.push([type, params, at]),
  });
  return { result: flow.run(), log };
}

describe('bench/orders.ts: compiled interpreter = one XState actor per machine instance', () => {
  it('gives the same intents at the same times, order by order, and the same outcomes', () => {
    for (const [seed, failureScale] of [
      [1, 1],
      [2, 8],
      [3, 20],
    ] as const) {
      const compiled = run('compiled', 400, seed, failureScale);
      const xstate = run('xstate', 400, seed, failureScale);
      expect(compiled.result).toEqual(xstate.result);
      expect(compiled.log.length).toBe(xstate.log.length);
      const first = compiled.log.findIndex((entry, i) => !isDeepStrictEqual(entry, xstate.log[i]));
      expect(first, `first difference at entry ${first}`).toBe(-1);
    }
    // The rare paths were there to compare.
    const rough = run('compiled', 400, 3, 20).result;
    expect(rough.compensated).toBeGreaterThan(20);
    expect(rough.rejected).toBeGreaterThan(5);
    expect(rough.needsManualHandling).toBeGreaterThan(0);
    expect(rough.replayed + rough.conflicts).toBeGreaterThan(5);
  });
});
