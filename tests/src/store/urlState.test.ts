import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../../src/store/seed';
import { encodeJson, MAX_SEARCH_CHARS } from '../../../src/store/urlCodec';
import { parseUrlState, urlSearchFor } from '../../../src/store/urlState';

const names = ['lunch-rush', 'mm1', 'timeouts'];

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
      edits: [],
      faults: [],
      errors: [],
    });
  });

  it('defaults to lunch-rush and the preset seed', () => {
    expect(parseUrlState('', names)).toEqual({
      preset: 'lunch-rush',
      seed: undefined,
      edits: [],
      faults: [],
      errors: [],
    });
  });

  it('falls back from an unknown preset, naming the parameter and the allowed values', () => {
    const state = parseUrlState('?preset=nope&seed=3', names);
    expect(state.preset).toBe('lunch-rush');
    expect(state.seed).toBe(3);
    expect(state.errors).toEqual([
      'URL parameter "preset": unknown preset "nope" (allowed: lunch-rush, mm1, timeouts); showing lunch-rush instead.',
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

describe('parseUrlState: links of version 1', () => {
  const edits = encodeJson([['stations[0].servers', 20]]);
  const faults = encodeJson([{ kind: 'outage', at: 10, station: 'payment' }]);

  it('reads edits and faults', () => {
    expect(
      parseUrlState(`?v=1&preset=timeouts&seed=3&edits=${edits}&faults=${faults}`, names),
    ).toEqual({
      preset: 'timeouts',
      seed: 3,
      edits: [['stations[0].servers', 20]],
      faults: [{ kind: 'outage', at: 10, station: 'payment' }],
      errors: [],
    });
  });

  it('a plain link may say v=1', () => {
    expect(parseUrlState('?v=1&preset=mm1', names)).toMatchObject({ preset: 'mm1', errors: [] });
  });

  /** Every bad link falls back to the default lesson as it is, and says what was wrong. */
  const fallsBack = (search: string, message: string) => {
    const state = parseUrlState(search, names);
    expect(state).toMatchObject({ preset: 'lunch-rush', seed: undefined, edits: [], faults: [] });
    expect(state.errors.join('\n')).toContain(message);
    expect(state.errors.at(-1)).toMatch(/showing lunch-rush instead\.$/);
  };

  it('refuses another version', () => {
    fallsBack(
      `?v=2&preset=timeouts&edits=${edits}`,
      'URL parameter "v": version "2" is not one this page reads (1)',
    );
    fallsBack('?v=abc&preset=mm1', 'URL parameter "v"');
  });

  it('refuses edits without a version or a preset', () => {
    fallsBack(`?preset=timeouts&edits=${edits}`, 'URL parameter "v": missing');
    fallsBack(`?v=1&edits=${edits}`, 'URL parameter "preset": missing');
  });

  it('refuses edits for a preset it does not know', () => {
    fallsBack(`?v=1&preset=nope&edits=${edits}`, 'unknown preset "nope"');
  });

  it('refuses bad base64, bad JSON, a bad structure, bad faults', () => {
    fallsBack('?v=1&preset=timeouts&edits=*!*', 'URL parameter "edits": not base64url');
    fallsBack(`?v=1&preset=timeouts&edits=${edits.slice(0, -3)}`, 'URL parameter "edits"');
    fallsBack(
      `?v=1&preset=timeouts&edits=${encodeJson('DROP TABLE')}`,
      'URL parameter "edits": edits: must be a list',
    );
    fallsBack(
      `?v=1&preset=timeouts&faults=${encodeJson([{ kind: 'outage' }])}`,
      'URL parameter "faults": faults[0].at: is required',
    );
  });

  it('refuses an oversized address unread', () => {
    fallsBack(`?preset=timeouts&x=${'a'.repeat(MAX_SEARCH_CHARS)}`, 'more than the 8192 allowed');
  });
});

describe('urlSearchFor', () => {
  it('sets preset and seed and keeps other parameters', () => {
    expect(urlSearchFor('?preset=nope&lang=en', 'mm1', 4)).toBe('?preset=mm1&lang=en&seed=4');
  });

  it('adds the version with edits or faults, and drops all three without them', () => {
    const search = urlSearchFor(
      '?preset=mm1',
      'timeouts',
      3,
      [['stations[0].servers', 20]],
      [{ kind: 'outage', at: 10, station: 'payment' }],
    );
    const state = parseUrlState(search, names);
    expect(state).toMatchObject({ preset: 'timeouts', seed: 3, errors: [] });
    expect(state.edits).toEqual([['stations[0].servers', 20]]);
    expect(state.faults).toEqual([{ kind: 'outage', at: 10, station: 'payment' }]);
    expect(search).toMatch(/[?&]v=1&/);
    expect(urlSearchFor(search, 'timeouts', 3)).toBe('?preset=timeouts&seed=3');
  });
});
