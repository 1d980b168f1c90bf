import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../../src/store/seed';
import { parseUrlState, urlSearchFor } from '../../../src/store/urlState';

const names = ['lunch-rush', 'mm1'];

describe('parseSeed', () => {
  it('takes plain decimal integers from 0 to 2^53 - 1', () => {
    expect(parseSeed('0')).toEqual({ ok: true, seed: 0 });
    expect(parseSeed('42')).toEqual({ ok: true, seed: 42 });
    expect(parseSeed('9007199254740991')).toEqual({ ok: true, seed: 9007199254740991 });
  });

  it.each([
    '',
    '-1',
    '1.5',
    '1e3',
    '0x10',
    ' 7',
    '7 ',
    'abc',
    '9007199254740992',
    '99999999999999999',
  ])('refuses %j and names the range', (text) => {
    const parsed = parseSeed(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.message).toBe('Seed must be an integer from 0 to 9007199254740991');
  });
});

describe('parseUrlState', () => {
  it('reads a known preset and a seed', () => {
    expect(parseUrlState('?preset=mm1&seed=7', names)).toEqual({
      preset: 'mm1',
      seed: 7,
      errors: [],
    });
  });

  it('defaults to lunch-rush and the preset seed', () => {
    expect(parseUrlState('', names)).toEqual({ preset: 'lunch-rush', seed: undefined, errors: [] });
  });

  it('falls back from an unknown preset, naming the parameter and the allowed values', () => {
    const state = parseUrlState('?preset=nope&seed=3', names);
    expect(state.preset).toBe('lunch-rush');
    expect(state.seed).toBe(3);
    expect(state.errors).toEqual([
      'URL parameter "preset": unknown preset "nope" (allowed: lunch-rush, mm1); showing lunch-rush instead.',
    ]);
  });

  it('falls back from a bad seed to the preset seed, naming the range', () => {
    const state = parseUrlState('?preset=mm1&seed=-1', names);
    expect(state).toMatchObject({ preset: 'mm1', seed: undefined });
    expect(state.errors[0]).toContain(
      'URL parameter "seed": "-1" is not an integer from 0 to 9007199254740991',
    );
  });

  it('never treats a name as anything but a key: prototype names are unknown presets', () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      expect(parseUrlState(`?preset=${name}`, names).preset).toBe('lunch-rush');
    }
  });
});

describe('urlSearchFor', () => {
  it('sets preset and seed and keeps other parameters', () => {
    expect(urlSearchFor('?preset=nope&lang=en', 'mm1', 4)).toBe('?preset=mm1&lang=en&seed=4');
  });
});
