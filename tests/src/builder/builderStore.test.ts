import { beforeEach, describe, expect, it } from 'vitest';
import { useBuilderStore } from '../../../src/builder/builderStore';
import { addReplica } from '../../../src/builder/operations/addReplica';
import { removeComponent } from '../../../src/builder/operations/removeComponent';
import { startBuilderOn } from './builderFixtures';

const state = () => useBuilderStore.getState();

describe('builderStore', () => {
  beforeEach(() => {
    startBuilderOn('read-write-split');
  });

  it('a canvas operation rewrites the text and selects what it acted on', () => {
    const before = state().design!;
    state().apply(addReplica(before.doc, 'orders'), 'Added a replica.');
    const after = state().design!;
    expect(after.text).toContain('"replica-6"');
    expect(after.text).not.toBe(before.text);
    expect(state().selected).toEqual({ kind: 'database', id: 'orders' });
    expect(state().notice).toEqual({ text: 'Added a replica.', tone: 'info' });
  });

  it('a refused operation leaves the design as it was and says why', () => {
    const before = state().design!;
    state().apply(removeComponent(before.doc, { kind: 'station', id: 'api' }), 'Removed.');
    expect(state().design).toBe(before);
    expect(state().notice?.tone).toBe('error');
    expect(state().notice?.text).toMatch(/^Cannot remove service "api": it is referred to by/);
  });

  it('typed text that does not validate keeps the last valid document and lists the errors', () => {
    const before = state().design!;
    state().editText(before.text.replace('"duration": 30', '"duration": -1'));
    expect(state().design!.doc).toBe(before.doc);
    expect(state().design!.errors).toEqual(['duration: must be a number > 0 s, got -1']);
    state().editText(before.text.replace('"duration": 30', '"duration": 60'));
    expect(state().design!.errors).toEqual([]);
    expect(state().design!.doc.duration).toBe(60);
  });
});
