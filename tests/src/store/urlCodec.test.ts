import { describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../../sim/scenarios/schema/faultSchema';
import type { Edit } from '../../../src/store/edits';
import {
  decodeEdits,
  decodeFaults,
  decodeJson,
  encodeEdits,
  encodeFaults,
  editsLinkProblem,
  encodeJson,
  MAX_EDITS,
  MAX_PARAM_CHARS,
} from '../../../src/store/urlCodec';

/** base64url of arbitrary text, as a hostile link would carry it. */
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('encodeJson / decodeJson', () => {
  it('round-trips JSON, unicode included, in the URL-safe alphabet without padding', () => {
    const value = { a: [1, 2.5, null], b: 'naïve ☕', c: '???>>>' };
    const text = encodeJson(value);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeJson(text)).toEqual({ ok: true, value });
  });

  it('refuses text over the size limit before decoding it', () => {
    const result = decodeJson('A'.repeat(MAX_PARAM_CHARS + 4));
    expect(result).toEqual({
      ok: false,
      error: `${MAX_PARAM_CHARS + 4} characters, more than the ${MAX_PARAM_CHARS} allowed`,
    });
  });

  it.each(['ab+c', 'ab/c', 'ab=c', 'a b', '<script>', '%00'])(
    'refuses %j: not base64url',
    (text) => {
      const result = decodeJson(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('not base64url');
    },
  );

  it('refuses a length no whole bytes give (a link cut short)', () => {
    const result = decodeJson('abcde');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('cut short');
  });

  it('refuses bytes that are not UTF-8', () => {
    const text = Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url');
    expect(decodeJson(text)).toEqual({
      ok: false,
      error: 'not base64url of UTF-8 text (was the link cut short?)',
    });
  });

  it('refuses text that is not JSON, such as a truncated list', () => {
    const whole = encodeJson([['stations[0].servers', 20]]);
    for (const text of [b64('alert(1)'), b64('[["stations[0].servers",2'), whole.slice(0, -4)]) {
      const result = decodeJson(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/not valid JSON|not base64url/);
    }
  });
});

describe('edits', () => {
  const edits: Edit[] = [
    ['stations[0].servers', 20],
    ['stations[0].endpoints.orders[1].timeout', 0.2],
    ['stations[1].queueCapacity', null],
  ];

  it('round-trip', () => {
    expect(decodeEdits(encodeEdits(edits))).toEqual({ ok: true, value: edits });
    expect(decodeEdits(encodeEdits([]))).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['an object', { 'stations[0].servers': 20 }, 'edits: must be a list of [key, value] pairs'],
    ['a string value', [['stations[0].servers', '20']], 'edits[0][1]: must be a number or null'],
    [
      'code as a value',
      [['stations[0].servers', 'alert(1)']],
      'edits[0][1]: must be a number or null',
    ],
    ['a triple', [['stations[0].servers', 20, 1]], 'edits[0]'],
    [
      'a key with spaces',
      [['stations[0] servers', 20]],
      'edits[0][0]: the key must be a field path',
    ],
    [
      'a duplicate key',
      [
        ['a', 1],
        ['a', 2],
      ],
      'edits: names a field twice',
    ],
  ])('refuses %s, naming where', (_, value, message) => {
    const result = decodeEdits(encodeJson(value));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it('refuses more edits than allowed', () => {
    const many = Array.from({ length: MAX_EDITS + 1 }, (_, i) => [`k${i}`, i]);
    const result = decodeEdits(encodeJson(many));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`at most ${MAX_EDITS} edits`);
  });

  it('refuses numbers JSON cannot carry as finite (1e999 parses to Infinity)', () => {
    const result = decodeEdits(b64('[["stations[0].servers",1e999]]'));
    expect(result.ok).toBe(false);
  });
});

describe('faults', () => {
  const faults: FaultSpec[] = [
    { kind: 'slowdown', at: 30, station: 'payment', factor: 40, duration: 60 },
    { kind: 'outage', at: 10, station: 'payment' },
  ];

  it('round-trip', () => {
    expect(decodeFaults(encodeFaults(faults))).toEqual({ ok: true, value: faults });
  });

  it('refuses a fault the schema refuses, naming the field and its range', () => {
    const result = decodeFaults(
      encodeJson([{ kind: 'slowdown', at: 1, station: 'x', factor: 5000 }]),
    );
    expect(result).toEqual({
      ok: false,
      error: 'faults[0].factor: must be a number from 0.001 to 1000, got 5000',
    });
  });

  it('refuses an unknown kind and unknown fields', () => {
    const kind = decodeFaults(encodeJson([{ kind: 'rm -rf', at: 1 }]));
    expect(kind.ok).toBe(false);
    if (!kind.ok) expect(kind.error).toContain('faults[0].kind');
    const extra = decodeFaults(encodeJson([{ kind: 'outage', at: 1, station: 'x', eval: 'x' }]));
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.error).toContain('unknown field "eval"');
  });
});

describe('editsLinkProblem', () => {
  it('says when edits would make a link this page refuses to read', () => {
    expect(editsLinkProblem([['stations[0].servers', 20]])).toBeNull();
    const many = Array.from({ length: MAX_EDITS + 1 }, (_, i) => [`k${i}`, i] as const);
    expect(editsLinkProblem(many)).toBe(
      `${MAX_EDITS + 1} edits, more than the 100 a link can hold`,
    );
    const long = Array.from(
      { length: 60 },
      (_, i) => [`stations[${i}].${'x'.repeat(60)}`, i] as const,
    );
    expect(editsLinkProblem(long)).toMatch(
      /^the edits take \d+ characters in a link, more than the 4096 allowed$/,
    );
    // Whatever it accepts, the reader reads back.
    const fits = long.slice(0, 20);
    expect(editsLinkProblem(fits)).toBeNull();
    expect(decodeEdits(encodeJson(fits)).ok).toBe(true);
  });
});
