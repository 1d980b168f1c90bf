import type { KeyboardEvent } from 'react';
import { canRedo, canUndo, useBuilderStore } from './builderStore';

/** Fields with an undo of their own: the JSON textarea and the number boxes keep theirs. */
const OWN_UNDO = new Set(['TEXTAREA', 'INPUT']);

/**
 * What a key press asks of the design's history: Ctrl+Z (Cmd+Z) undoes, Ctrl+Shift+Z and Ctrl+Y
 * redo; anything else, or a key typed into a field with its own undo, is left alone.
 */
export function historyKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const target = event.target as HTMLElement | null;
  if (target && (OWN_UNDO.has(target.tagName) || target.isContentEditable)) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/** The builder's keyboard undo, for its outermost element. */
export function onHistoryKey(event: KeyboardEvent): void {
  const wanted = historyKey(event);
  if (!wanted) return;
  event.preventDefault();
  const { undo, redo } = useBuilderStore.getState();
  if (wanted === 'undo') undo();
  else redo();
}

/** Undo and Redo, each naming the step it would take. */
export function HistoryTools() {
  const undoable = useBuilderStore(canUndo);
  const redoable = useBuilderStore(canRedo);
  const last = useBuilderStore((s) =>
    s.design && s.design.errors.length > 0
      ? 'the JSON typing that did not validate'
      : s.history.past.at(-1)?.what,
  );
  const next = useBuilderStore((s) => s.history.future.at(-1)?.what);
  const { undo, redo } = useBuilderStore.getState();
  return (
    <div className="builder-history" role="group" aria-label="Undo and redo">
      <button
        type="button"
        data-testid="builder-undo"
        disabled={!undoable}
        aria-keyshortcuts="Control+Z"
        title={undoable ? `Undo: ${last ?? ''} (Ctrl+Z)` : 'Nothing to undo'}
        onClick={undo}
      >
        Undo
      </button>
      <button
        type="button"
        data-testid="builder-redo"
        disabled={!redoable}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        title={redoable ? `Redo: ${next ?? ''} (Ctrl+Shift+Z or Ctrl+Y)` : 'Nothing to redo'}
        onClick={redo}
      >
        Redo
      </button>
    </div>
  );
}
