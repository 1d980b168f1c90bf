import { beforeEach, describe, expect, it } from 'vitest';
import { canRedo, canUndo, useBuilderStore } from '../../../src/builder/builderStore';
import { MAX_HISTORY, TYPING_PAUSE_MS } from '../../../src/builder/designHistory';
import { historyKey } from '../../../src/builder/HistoryTools';
import { addReplica } from '../../../src/builder/operations/addReplica';
import { addStation } from '../../../src/builder/operations/addStation';
import { removeComponent } from '../../../src/builder/operations/removeComponent';
import { preset, startBuilderOn } from './builderFixtures';

const state = () => useBuilderStore.getState();
const doc = () => state().design!.doc;
const text = () => state().design!.text;
const replicas = () =>
  ((doc().databases as { replicas: string[] }[])[0]!.replicas as string[]).slice(-1)[0];
const addOne = () => state().apply(addReplica(doc(), 'orders'), 'Added a replica.');

describe('builder undo and redo', () => {
  beforeEach(() => {
    startBuilderOn('read-write-split');
  });

  it('a new design has nothing to undo or redo', () => {
    expect(canUndo(state())).toBe(false);
    expect(canRedo(state())).toBe(false);
    state().undo();
    state().redo();
    expect(replicas()).toBe('replica-5');
  });

  it('undoes and redoes canvas operations in order, text and all, naming each step', () => {
    const start = text();
    addOne();
    const one = text();
    addOne();
    expect(replicas()).toBe('replica-7');

    state().undo();
    expect(replicas()).toBe('replica-6');
    expect(text()).toBe(one);
    expect(state().notice).toEqual({ text: 'Undone: Added a replica.', tone: 'info' });
    state().undo();
    expect(text()).toBe(start);
    expect(canUndo(state())).toBe(false);

    state().redo();
    expect(text()).toBe(one);
    expect(state().notice?.text).toBe('Redone: Added a replica.');
    state().redo();
    expect(replicas()).toBe('replica-7');
    expect(canRedo(state())).toBe(false);
  });

  it('a new change after an undo drops what could be redone', () => {
    addOne();
    state().undo();
    expect(canRedo(state())).toBe(true);
    state().apply(addStation(doc()), 'Added service.');
    expect(canRedo(state())).toBe(false);
    state().undo();
    expect(replicas()).toBe('replica-5');
  });

  it('a refused operation is no step', () => {
    state().apply(removeComponent(doc(), { kind: 'station', id: 'api' }), 'Removed.');
    expect(state().notice?.tone).toBe('error');
    expect(canUndo(state())).toBe(false);
  });

  it('a valid JSON edit is a step; keystrokes close together make one', () => {
    const start = text();
    state().editText(start.replace('"duration": 30', '"duration": 3'), 1000);
    state().editText(start.replace('"duration": 30', '"duration": 35'), 1200);
    expect(doc().duration).toBe(35);
    expect(state().history.past).toHaveLength(1);
    // After a pause, the next edit is a step of its own.
    const typed35 = text();
    state().editText(start.replace('"duration": 30', '"duration": 40'), 1200 + TYPING_PAUSE_MS);
    expect(state().history.past).toHaveLength(2);

    state().undo();
    expect(text()).toBe(typed35);
    expect(state().notice?.text).toBe('Undone: Edited the JSON.');
    state().undo();
    expect(text()).toBe(start);
    expect(doc().duration).toBe(30);
  });

  it('typing that changes only the layout of the text is no step', () => {
    state().editText(text().replace('"duration": 30', '"duration":    30'), 0);
    expect(canUndo(state())).toBe(false);
  });

  it('a canvas step between keystrokes ends the typing group', () => {
    state().editText(text().replace('"duration": 30', '"duration": 31'), 0);
    addOne();
    state().editText(text().replace('"duration": 31', '"duration": 32'), 10);
    expect(state().history.past.map((e) => e.what)).toEqual([
      'Edited the JSON.',
      'Added a replica.',
      'Edited the JSON.',
    ]);
  });

  it('with text that does not validate, Undo first brings back the valid design; Redo waits', () => {
    addOne();
    state().undo();
    const valid = text();
    state().editText(valid.replace('"duration": 30', '"duration": -1'), 0);
    expect(state().design!.errors).not.toEqual([]);
    expect(canRedo(state())).toBe(false);
    expect(canUndo(state())).toBe(true);
    state().undo();
    expect(state().design!.errors).toEqual([]);
    expect(text()).toBe(valid);
    // Invalid typing is no step: what was undone before can still be redone.
    expect(canRedo(state())).toBe(true);
    state().redo();
    expect(replicas()).toBe('replica-6');
  });

  it('undo keeps the selection while its component exists, and drops it when it does not', () => {
    state().apply(addStation(doc()), 'Added service.');
    expect(state().selected).toEqual({ kind: 'station', id: 'service-1' });
    state().undo();
    expect(state().selected).toBeNull();
    state().select({ kind: 'database', id: 'orders' });
    state().redo();
    expect(state().selected).toEqual({ kind: 'database', id: 'orders' });
  });

  it(`keeps at most ${MAX_HISTORY} steps, dropping the oldest`, () => {
    for (let i = 0; i < MAX_HISTORY + 5; i++) {
      state().editText(text().replace(/"duration": \d+/, `"duration": ${31 + i}`), i * 10_000);
    }
    expect(state().history.past).toHaveLength(MAX_HISTORY);
    while (canUndo(state())) state().undo();
    expect(doc().duration).toBe(35);
  });

  it('starting a new design clears the history', () => {
    addOne();
    state().start(preset('cache-flush'));
    expect(canUndo(state())).toBe(false);
  });
});

describe('historyKey', () => {
  const key = (
    key: string,
    mods: Partial<Record<'ctrl' | 'meta' | 'shift' | 'alt', boolean>> = {},
    tag = 'DIV',
  ) =>
    historyKey({
      key,
      ctrlKey: mods.ctrl ?? false,
      metaKey: mods.meta ?? false,
      shiftKey: mods.shift ?? false,
      altKey: mods.alt ?? false,
      target: { tagName: tag, isContentEditable: false } as unknown as EventTarget,
    });

  it('Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, Cmd as Ctrl', () => {
    expect(key('z', { ctrl: true })).toBe('undo');
    expect(key('Z', { ctrl: true, shift: true })).toBe('redo');
    expect(key('y', { ctrl: true })).toBe('redo');
    expect(key('z', { meta: true })).toBe('undo');
  });

  it('leaves other keys, and the fields with their own undo, alone', () => {
    expect(key('z')).toBeNull();
    expect(key('z', { ctrl: true, alt: true })).toBeNull();
    expect(key('x', { ctrl: true })).toBeNull();
    expect(key('z', { ctrl: true }, 'TEXTAREA')).toBeNull();
    expect(key('z', { ctrl: true }, 'INPUT')).toBeNull();
    expect(key('z', { ctrl: true }, 'BUTTON')).toBe('undo');
  });
});
