import { describe, expect, it } from 'vitest';
import { degradationRung } from '../../../sim/inspect/degradationLadder';
import { inspectApi } from '../../../sim/worker/inspectApi';

describe('inspect worker API: the degradation ladder', () => {
  // The ladder runs its own scenarios: it works before any run is loaded.
  const api = inspectApi(() => {
    throw new Error('no scenario loaded: call load() first');
  });

  it('lists the four rungs from full service to shedding', () => {
    expect(api.degradationRungs()).toEqual(['full', 'stale', 'fallback', 'shed']);
  });

  it('answers a rung with the same numbers as the function, for the seed given', () => {
    const answer = api.degradationRung(1, 3);
    expect(answer).toEqual({ ok: true, value: degradationRung(1, 3) });
    expect(answer.ok && answer.value.seed).toBe(3);
    expect(api.degradationRung(0)).toEqual({ ok: true, value: degradationRung(0, 1) });
  });

  it('refuses a bad level or seed with messages naming them and their range, never a throw', () => {
    const level = api.degradationRung(4);
    expect(level).toEqual({ ok: false, errors: ['level must be an integer from 0 to 3'] });
    const both = api.degradationRung('shed', -1);
    expect(!both.ok && both.errors[0]).toBe('level must be an integer from 0 to 3');
    expect(!both.ok && both.errors[1]).toMatch(/^seed must be an integer from 0 to/);
    expect(api.degradationRung(undefined, 1.5).ok).toBe(false);
  });
});
