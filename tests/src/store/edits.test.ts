import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../sim/scenarios/presets';
import { presetScenario } from '../../../sim/scenarios/runScenario';
import { validateScenario } from '../../../sim/scenarios/validateScenario';
import {
  applyEdits,
  errorsByKnob,
  mergeEdits,
  parseKnobText,
  type DraftEdit,
} from '../../../src/store/edits';
import { knobsOf } from '../../../src/store/knobs';

const timeouts = () => knobsOf(presetScenario('timeouts').scenario);
const keysOf = (groups: ReturnType<typeof knobsOf>) =>
  groups.flatMap((g) => g.knobs.map((k) => k.key));

/** Applies edits to a preset and validates the result as the worker would. */
function edited(name: string, edits: readonly DraftEdit[]) {
  const result = applyEdits(PRESETS[name], knobsOf(presetScenario(name).scenario), edits);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return { doc: result.doc, validation: validateScenario(result.doc) };
}

describe('knobsOf', () => {
  it('lists the scale knobs of a scenario by part, keyed by the validator path', () => {
    const groups = timeouts();
    expect(groups.map((g) => `${g.kind}:${g.id}`)).toEqual([
      'source:menu-users',
      'source:order-users',
      'station:api',
      'station:payment',
    ]);
    expect(keysOf(groups)).toEqual([
      'sources[0].rate',
      'sources[0].client.timeout',
      'sources[1].rate',
      'sources[1].client.timeout',
      'stations[0].servers',
      'stations[0].queueCapacity',
      'stations[0].endpoints.menu[0].duration.mean',
      'stations[0].endpoints.orders[0].duration.mean',
      'stations[0].endpoints.orders[1].timeout',
      'stations[1].servers',
      'stations[1].queueCapacity',
      'stations[1].service.mean',
      'stations[1].service.p99',
    ]);
    const call = groups[2]!.knobs.find((k) => k.key === 'stations[0].endpoints.orders[1].timeout');
    expect(call).toMatchObject({ value: undefined, empty: 'none: waits forever' });
    expect(groups[3]!.knobs[0]).toMatchObject({ label: 'Servers', value: 20 });
  });

  it('lists cache capacity and TTL, profile rates, and the timeouts of cache steps', () => {
    const keys = keysOf(knobsOf(presetScenario('warm-up').scenario));
    expect(keys).toEqual(expect.arrayContaining(['caches[0].capacity', 'caches[0].ttl']));
    expect(keys.some((k) => /^sources\[0\]\.profile\.points\[\d+\]\[1\]$/.test(k))).toBe(true);
    expect(keys.some((k) => /\.endpoints\.[^.]+\[\d+\]\.loadTimeout$/.test(k))).toBe(true);
  });

  it('every knob of every preset is a field the validator names by that key', () => {
    for (const name of Object.keys(PRESETS)) {
      const groups = knobsOf(presetScenario(name).scenario);
      const keys = keysOf(groups);
      // Text where a number belongs: each field refused, each message found by its knob.
      const { validation } = edited(
        name,
        keys.map((k) => [k, 'abc'] as const),
      );
      expect(validation.ok, name).toBe(false);
      if (validation.ok) continue;
      const { byKey } = errorsByKnob(validation.errors, groups);
      expect(Object.keys(byKey).sort(), name).toEqual([...keys].sort());
    }
  });

  it('is the same list after edits: edits never change the structure', () => {
    const { validation } = edited('timeouts', [
      ['stations[0].queueCapacity', null],
      ['sources[0].client.timeout', null],
      ['stations[0].endpoints.orders[1].timeout', 0.2],
    ]);
    expect(validation.ok).toBe(true);
    if (validation.ok) expect(keysOf(knobsOf(validation.scenario))).toEqual(keysOf(timeouts()));
  });
});

describe('applyEdits', () => {
  it('sets values on a copy, leaving the preset as it was', () => {
    const before = JSON.stringify(PRESETS.timeouts);
    const { validation } = edited('timeouts', [
      ['stations[1].servers', 5],
      ['sources[1].rate', 150],
      ['stations[0].endpoints.orders[1].timeout', 0.2],
    ]);
    expect(JSON.stringify(PRESETS.timeouts)).toBe(before);
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    expect(validation.scenario.stations[1]!.servers).toBe(5);
    expect(validation.scenario.sources[1]).toMatchObject({ rate: 150 });
    expect(validation.scenario.stations[0]!.endpoints!.orders![1]).toMatchObject({ timeout: 0.2 });
  });

  it('null leaves the field out (its default or "none")', () => {
    const { doc } = edited('timeouts', [['stations[0].queueCapacity', null]]);
    expect((doc as { stations: object[] }).stations[0]).not.toHaveProperty('queueCapacity');
  });

  it('creates the object a field lives in when the preset has none', () => {
    const { doc, validation } = edited('mm1', [['sources[0].client.timeout', 2]]);
    expect((doc as { sources: object[] }).sources[0]).toMatchObject({ client: { timeout: 2 } });
    expect(validation.ok).toBe(true);
  });

  it('refuses keys that are no knob of the scenario, whatever they look like', () => {
    const groups = timeouts();
    for (const key of [
      'stations[9].servers',
      'stations[0].id',
      'duration',
      'name',
      '__proto__.polluted',
      'stations[0].endpoints.__proto__[0].timeout',
      'constructor.prototype.x',
    ]) {
      expect(applyEdits(PRESETS.timeouts, groups, [[key, 1]])).toEqual({
        ok: false,
        errors: [`${key}: not an editable field of this scenario`],
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves the range to the validator, whose message names the path and the range', () => {
    const { validation } = edited('timeouts', [
      ['stations[0].servers', 0],
      ['sources[0].rate', -5],
      ['stations[1].service.mean', 1],
    ]);
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    const { byKey, general } = errorsByKnob(validation.errors, timeouts());
    expect(byKey['stations[0].servers']).toBe(
      'stations[0].servers: must be an integer from 1 to 1000000, got 0',
    );
    expect(byKey['sources[0].rate']).toBe(
      'sources[0].rate: must be a number >= 0 requests/s, got -5',
    );
    // A mean above the p99 breaks the lognormal: the message goes to the p99, which says why.
    expect(byKey['stations[1].service.p99']).toContain('p99/mean must be in (1,');
    expect(general).toEqual([]);
  });
});

describe('errorsByKnob', () => {
  it('does not mistake stations[10] for stations[1], and keeps the rest apart', () => {
    const groups = timeouts();
    const { byKey, general } = errorsByKnob(
      ['stations[10].servers: bad', 'seed: bad', 'no colon here', 'stations[1].servers: low'],
      groups,
    );
    expect(byKey).toEqual({ 'stations[1].servers': 'stations[1].servers: low' });
    expect(general).toEqual(['stations[10].servers: bad', 'seed: bad', 'no colon here']);
  });
});

describe('mergeEdits and parseKnobText', () => {
  it('replaces an edit in place and appends new ones', () => {
    expect(
      mergeEdits<DraftEdit>(
        [
          ['a', 1],
          ['b', 2],
        ],
        [
          ['b', 3],
          ['c', null],
        ],
      ),
    ).toEqual([
      ['a', 1],
      ['b', 3],
      ['c', null],
    ]);
  });

  it('reads numbers, empty as null, and keeps other text for the validator to refuse', () => {
    expect(parseKnobText(' 40 ')).toBe(40);
    expect(parseKnobText('1e3')).toBe(1000);
    expect(parseKnobText('.5')).toBe(0.5);
    expect(parseKnobText('')).toBeNull();
    expect(parseKnobText('  ')).toBeNull();
    expect(parseKnobText('0x10')).toBe('0x10');
    expect(parseKnobText('forty')).toBe('forty');
  });
});
