import { describe, expect, it } from 'vitest';
import { presetScenario } from '../../../sim/scenarios/runScenario';
import { Simulation } from '../../../sim/scenarios/simulation';
import { inspectApi } from '../../../sim/worker/inspectApi';

const circuitBreakerRun = () => new Simulation(presetScenario('circuit-breaker').scenario, 1);

describe('inspect worker API', () => {
  it('answers "no breakers" before a scenario is loaded, instead of throwing', () => {
    const api = inspectApi(() => {
      throw new Error('no scenario loaded: call load() first');
    });
    expect(api.breakers()).toEqual([]);
    expect(api.breakerView('api.page[1]')).toBeNull();
  });

  it("lists the lesson's breaker and reads it without changing the run", () => {
    const watched = circuitBreakerRun();
    const api = inspectApi(() => watched);
    expect(api.breakers()).toEqual(['api.page[1]']);
    expect(api.breakerView('nope')).toBeNull();
    const states = new Set<string>();
    for (let t = 0.25; t <= 40; t += 0.25) {
      watched.runUntil(t);
      states.add(api.breakerView('api.page[1]')!.state);
    }
    expect([...states]).toEqual(['CLOSED', 'OPEN', 'HALF_OPEN']);

    // The same run, never looked at, ends in exactly the same place.
    const unwatched = circuitBreakerRun();
    unwatched.runUntil(40);
    const [a, b] = [watched, unwatched].map((s) => s.breakers[0]!);
    expect(a!.transitions).toEqual(b!.transitions);
    expect(watched.kernel.events).toBe(unwatched.kernel.events);
    expect(a!.breaker.metricsAt(40)).toEqual(b!.breaker.metricsAt(40));
  });

  it('refuses a bad strategy, level or seed with a message naming it and its range', () => {
    const api = inspectApi(circuitBreakerRun);
    const strategy = api.raceReplay('writeBehind');
    expect(strategy.ok).toBe(false);
    expect(!strategy.ok && strategy.errors[0]).toMatch(/^strategy must be one of updateThenDelete/);
    const seed = api.raceReplay('updateThenSet', -1);
    expect(!seed.ok && seed.errors[0]).toMatch(/^seed must be an integer from 0 to/);
    const level = api.readAfterWritePoint(99);
    expect(!level.ok && level.errors[0]).toBe('level must be an integer from 0 to 6');
    expect(api.readAfterWriteLevels()).toHaveLength(7);
  });
});
