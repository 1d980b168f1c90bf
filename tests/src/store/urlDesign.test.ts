import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../sim/scenarios/presets';
import {
  decodeDesign,
  encodeDesign,
  MAX_DESIGN_BYTES,
  MAX_DESIGN_CHARS,
  MAX_DESIGN_DEPTH,
} from '../../../src/store/urlDesign';
import { parseUrlState, readUrlState, urlSearchFor } from '../../../src/store/urlState';

const names = ['lunch-rush', 'mm1', 'timeouts'];
/** What a hand-made (or hostile) link would carry: raw deflate of `text`, as base64url. */
const packed = (text: string) => `v1.${deflateRawSync(Buffer.from(text)).toString('base64url')}`;

const refusal = async (text: string) => {
  const decoded = await decodeDesign(text);
  if (decoded.ok) throw new Error('expected the design to be refused');
  return decoded.error;
};

describe('design links: encodeDesign / decodeDesign', () => {
  it('round-trips every preset exactly, and compactly', async () => {
    for (const [name, doc] of Object.entries(PRESETS)) {
      const text = await encodeDesign(doc);
      expect(text, name).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
      expect(text.length, name).toBeLessThan(JSON.stringify(doc).length);
      expect(await decodeDesign(text), name).toEqual({ ok: true, value: doc });
    }
  });

  it('reads what another deflate-raw writer produced (zlib here, the browser there)', async () => {
    expect(await decodeDesign(packed('{"name":"x","duration":5}'))).toEqual({
      ok: true,
      value: { name: 'x', duration: 5 },
    });
  });

  it('keeps text exactly, non-ASCII included', async () => {
    const doc = { name: 'café', title: 'Déjeuner — 午餐 🍜' };
    expect(await decodeDesign(await encodeDesign(doc))).toEqual({ ok: true, value: doc });
  });

  it('refuses another version, or none, naming what it reads', async () => {
    expect(await refusal('v2.abcd')).toBe('version "v2" is not one this page reads (v1)');
    expect(await refusal('abcd')).toBe('must start with "v1." (the design format\'s version)');
    expect(await refusal('')).toBe('must start with "v1." (the design format\'s version)');
  });

  it('refuses text that is not base64url', async () => {
    for (const bad of ['v1.', 'v1.<script>alert(1)</script>', 'v1.ab+/', 'v1.abcde']) {
      expect(await refusal(bad)).toMatch(/^not base64url text after "v1\."/);
    }
  });

  it('refuses data that is not deflate-raw', async () => {
    const junk = `v1.${Buffer.from('this is not compressed at all').toString('base64url')}`;
    expect(await refusal(junk)).toBe(
      'not compressed data this page wrote (was the link cut short?)',
    );
  });

  it('refuses a link cut short', async () => {
    const whole = await encodeDesign(PRESETS['read-write-split']);
    for (const cut of [8, 40, Math.floor(whole.length / 2)]) {
      let short = whole.slice(0, -cut);
      if ((short.length - 3) % 4 === 1) short = short.slice(0, -1);
      expect(await refusal(short)).toMatch(/\(was the link cut short\?\)$/);
    }
  });

  it('refuses a design that inflates beyond 1 MB, without inflating all of it', async () => {
    const bomb = packed(`{"name":"${'a'.repeat(4 * MAX_DESIGN_BYTES)}"}`);
    expect(bomb.length).toBeLessThan(MAX_DESIGN_CHARS);
    expect(await refusal(bomb)).toBe(
      'the design inflates to more than 1048576 bytes (1 MB), the most a link may hold',
    );
  });

  it('refuses an encoded design longer than the limit before decoding it', async () => {
    expect(await refusal(`v1.${'A'.repeat(MAX_DESIGN_CHARS)}`)).toBe(
      `${MAX_DESIGN_CHARS + 3} characters, more than the ${MAX_DESIGN_CHARS} a design link may have`,
    );
  });

  it('refuses what is not a JSON object', async () => {
    expect(await refusal(packed('{"name": '))).toBe(
      'not valid JSON once inflated (was the link cut short?)',
    );
    for (const text of ['[1,2]', '"lunch-rush"', 'null', '42']) {
      expect(await refusal(packed(text))).toBe('not a scenario: it must be a JSON object { ... }');
    }
    const latin1 = `v1.${deflateRawSync(Buffer.from([0x7b, 0xff, 0x7d])).toString('base64url')}`;
    expect(await refusal(latin1)).toBe('not UTF-8 text once inflated');
  });

  it('refuses deep nesting', async () => {
    const deep = `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(await refusal(packed(deep))).toBe(`nested more than ${MAX_DESIGN_DEPTH} levels deep`);
  });

  it('treats prototype names as plain data', async () => {
    const decoded = await decodeDesign(packed('{"__proto__":{"polluted":true},"name":"x"}'));
    expect(decoded.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('design links in the page address', () => {
  it('parseUrlState keeps the design, still encoded, with its seed, edits and faults', () => {
    const faults = Buffer.from(
      JSON.stringify([{ kind: 'outage', at: 3, station: 'api' }]),
    ).toString('base64url');
    expect(parseUrlState(`?design=v1.abcd&seed=7&v=1&faults=${faults}`, names)).toEqual({
      preset: 'lunch-rush',
      seed: 7,
      edits: [],
      faults: [{ kind: 'outage', at: 3, station: 'api' }],
      errors: [],
      design: 'v1.abcd',
    });
  });

  it('a link with both a design and a preset falls back to the default lesson', () => {
    const state = parseUrlState('?design=v1.abcd&preset=mm1', names);
    expect(state.preset).toBe('lunch-rush');
    expect(state.design).toBeUndefined();
    expect(state.errors).toEqual([
      'URL parameters "design" and "preset": a link names a preset or holds a design, not both; showing lunch-rush instead.',
    ]);
  });

  it('a design may be longer than the rest of a link may be', () => {
    const design = `v1.${'A'.repeat(10_000)}`;
    expect(parseUrlState(`?design=${design}&seed=1`, names)).toMatchObject({ design, errors: [] });
    const state = parseUrlState(`?design=v1.${'A'.repeat(MAX_DESIGN_CHARS)}`, names);
    expect(state.design).toBeUndefined();
    expect(state.errors[0]).toBe(
      `URL parameter "design": ${MAX_DESIGN_CHARS + 3} characters, more than the ${MAX_DESIGN_CHARS} a design link may have; showing lunch-rush instead.`,
    );
  });

  it('urlSearchFor writes the design instead of the preset, and the preset instead of a design', () => {
    const design = urlSearchFor('?preset=mm1&seed=2&lesson=x', 'my-design', 5, [], [], 'v1.abcd');
    expect(design).toBe('?seed=5&lesson=x&design=v1.abcd');
    expect(urlSearchFor(design, 'mm1', 3)).toBe('?seed=3&lesson=x&preset=mm1');
  });

  it('readUrlState decodes the design; a bad one falls back with the reason', async () => {
    const doc = { name: 'x', duration: 5 };
    const good = await readUrlState(`?design=${await encodeDesign(doc)}&seed=4`, names);
    expect(good).toEqual({
      preset: 'lunch-rush',
      seed: 4,
      edits: [],
      faults: [],
      errors: [],
      design: doc,
    });

    const bad = await readUrlState('?design=v1.AAAA&seed=4', names);
    expect(bad).toEqual({
      preset: 'lunch-rush',
      seed: undefined,
      edits: [],
      faults: [],
      errors: [
        'URL parameter "design": not compressed data this page wrote (was the link cut short?); showing lunch-rush instead.',
      ],
    });
  });

  it('a link without a design reads as before', async () => {
    expect(await readUrlState('?preset=mm1&seed=7', names)).toEqual({
      preset: 'mm1',
      seed: 7,
      edits: [],
      faults: [],
      errors: [],
    });
  });
});
