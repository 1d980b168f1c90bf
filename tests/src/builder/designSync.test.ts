import { describe, expect, it } from 'vitest';
import { designFrom, readDesignText, textEdited } from '../../../src/builder/designSync';
import { formatDesign } from '../../../src/builder/formatDesign';
import { addReplica } from '../../../src/builder/operations/addReplica';
import { applied, preset, tiny } from './builderFixtures';

describe('JSON <-> document sync', () => {
  it('a canvas edit rewrites the text, formatted, schema fields first in schema order', () => {
    const doc = { stations: tiny().stations, name: 'tiny', sources: tiny().sources, duration: 10 };
    const state = designFrom(doc);
    expect(state.errors).toEqual([]);
    expect(Object.keys(JSON.parse(state.text) as object)).toEqual([
      'name',
      'duration',
      'sources',
      'stations',
    ]);
    expect(state.text).toBe(formatDesign(tiny()));
    expect(state.text.split('\n')[1]).toBe('  "name": "tiny",');
  });

  it('a valid text replaces the document', () => {
    const state = designFrom(tiny());
    const edited = JSON.parse(state.text) as Record<string, unknown>;
    edited.duration = 42;
    const next = textEdited(state, JSON.stringify(edited));
    expect(next.errors).toEqual([]);
    expect(next.doc.duration).toBe(42);
  });

  it('a validation error is reported with its path, range and value; the last valid document stays', () => {
    const state = designFrom(tiny());
    const bad = state.text.replace('"servers": 4', '"servers": 0');
    const next = textEdited(state, bad);
    expect(next.errors).toEqual([
      'stations[0].servers: must be an integer from 1 to 1000000, got 0',
    ]);
    expect(next.doc).toBe(state.doc);
    expect(next.text).toBe(bad);
    // Fixing it brings the sync back.
    const fixed = textEdited(next, bad.replace('"servers": 0', '"servers": 6'));
    expect(fixed.errors).toEqual([]);
    expect((fixed.doc.stations as { servers: number }[])[0]!.servers).toBe(6);
  });

  it('a parse error is reported with its line and column; the last valid document stays', () => {
    const state = designFrom(tiny());
    const broken = state.text.replace('"duration": 10,', '"duration": 10,,');
    const next = textEdited(state, broken);
    expect(next.errors).toHaveLength(1);
    // Node 20's V8 gives the position, turned into a line and column; newer V8s quote the text.
    expect(next.errors[0]).toMatch(/^JSON syntax: .*(line 3 column 18|10,,)/);
    expect(next.doc).toBe(state.doc);
  });

  it('a cross reference error names the path and the known ids', () => {
    const read = readDesignText(
      formatDesign({ ...tiny(), sources: [{ id: 'u', kind: 'poisson', target: 'nope', rate: 1 }] }),
    );
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors).toEqual([
      'sources[0].target: unknown station "nope" (stations are "api")',
    ]);
  });

  it('refuses text that is JSON but no object', () => {
    expect(readDesignText('[1, 2]')).toEqual({
      ok: false,
      errors: ['(scenario): must be a JSON object { ... }'],
    });
  });

  it('the same document always gives the same text, and it reads back to the same document', () => {
    const doc = applied(addReplica(preset('read-write-split'), 'orders'));
    const text = formatDesign(doc);
    expect(formatDesign(structuredClone(doc))).toBe(text);
    const read = readDesignText(text);
    expect(read.ok && read.doc).toEqual(doc);
  });
});
