import { create } from 'zustand';
import { placeNodes, type Point, type Positions } from './canvasLayout';
import { hasComponent, type ComponentRef, type DesignDoc, type OperationResult } from './designDoc';
import {
  EMPTY_HISTORY,
  recorded,
  redone,
  typed,
  undone,
  type DesignHistory,
  type Moved,
} from './designHistory';
import { designGraph } from './designGraph';
import { designFrom, docChanged, textEdited, type DesignState } from './designSync';

export interface BuilderNotice {
  text: string;
  tone: 'info' | 'error';
}

interface BuilderStore {
  /** Null until the panel first opens and takes the loaded scenario. */
  design: DesignState | null;
  selected: ComponentRef | null;
  notice: BuilderNotice | null;
  history: DesignHistory;
  /** Where the canvas draws each box: view state, not part of the design nor of its history. */
  positions: Positions;
  /** A new design: nothing to undo. */
  start(doc: DesignDoc): void;
  /** Typed JSON; `at` (ms) groups keystrokes into one undo step. */
  editText(text: string, at?: number): void;
  /** Applies a canvas operation: its document, or its refusal as a notice. */
  apply(result: OperationResult, done: string): void;
  undo(): void;
  redo(): void;
  select(ref: ComponentRef | null): void;
  notify(notice: BuilderNotice | null): void;
  /** A box dragged or moved with the arrow keys, by node key. */
  moveNode(key: string, to: Point): void;
}

/** The design as it stands when the text is valid; else the last valid one, as the canvas shows. */
const validOf = (design: DesignState): DesignState =>
  design.errors.length === 0 ? design : docChanged(design.doc);

const sameContent = (a: DesignDoc, b: DesignDoc) => JSON.stringify(a) === JSON.stringify(b);

/** The boxes kept where they are, the new ones placed. */
const laidOut = (doc: DesignDoc, positions: Positions) => placeNodes(designGraph(doc), positions);

/** The selection, while the document still holds it. */
const kept = (selected: ComponentRef | null, doc: DesignDoc) =>
  selected && hasComponent(doc, selected) ? selected : null;

/** Whether Undo has something to do: a step to go back, or typing that does not validate. */
export const canUndo = (s: Pick<BuilderStore, 'design' | 'history'>): boolean =>
  s.design !== null && (s.design.errors.length > 0 || s.history.past.length > 0);

/** Whether Redo has something to do (not while the text has problems: fix or undo them first). */
export const canRedo = (s: Pick<BuilderStore, 'design' | 'history'>): boolean =>
  s.design !== null && s.design.errors.length === 0 && s.history.future.length > 0;

/**
 * The design lives in its own store, outside the panel's components, so closing the panel and
 * opening it again in the same page session finds it as it was, typed text, errors and undo
 * history included.
 */
export const useBuilderStore = create<BuilderStore>()((set) => {
  const moveTo = (s: BuilderStore, moved: Moved, verb: string): Partial<BuilderStore> =>
    moved
      ? {
          design: moved.state,
          positions: laidOut(moved.state.doc, s.positions),
          history: moved.history,
          selected: kept(s.selected, moved.state.doc),
          notice: { text: `${verb}: ${moved.what}`, tone: 'info' },
        }
      : {};
  return {
    design: null,
    selected: null,
    notice: null,
    history: EMPTY_HISTORY,
    positions: {},
    start: (doc) =>
      set({
        design: designFrom(doc),
        selected: null,
        notice: null,
        history: EMPTY_HISTORY,
        positions: laidOut(doc, {}),
      }),
    editText: (text, at = Date.now()) =>
      set((s) => {
        if (!s.design) return {};
        const design = textEdited(s.design, text);
        if (design.errors.length > 0 || sameContent(design.doc, s.design.doc)) return { design };
        return {
          design,
          history: typed(s.history, validOf(s.design), at),
          positions: laidOut(design.doc, s.positions),
        };
      }),
    apply: (result, done) =>
      set((s) => {
        if (!result.ok) return { notice: { text: result.error, tone: 'error' } };
        const selected = result.selected ?? kept(s.selected, result.doc);
        return {
          design: docChanged(result.doc),
          selected,
          notice: { text: done, tone: 'info' },
          positions: laidOut(result.doc, s.positions),
          history: s.design ? recorded(s.history, validOf(s.design), done) : s.history,
        };
      }),
    undo: () =>
      set((s) => {
        if (!s.design) return {};
        // Typing that does not validate is undone first: back to the design the canvas shows.
        if (s.design.errors.length > 0) {
          return {
            design: validOf(s.design),
            history: { ...s.history, typedAt: null },
            notice: { text: 'Undone: the JSON typing that did not validate.', tone: 'info' },
          };
        }
        return moveTo(s, undone(s.history, s.design), 'Undone');
      }),
    redo: () => set((s) => (canRedo(s) ? moveTo(s, redone(s.history, s.design!), 'Redone') : {})),
    select: (selected) => set({ selected }),
    notify: (notice) => set({ notice }),
    moveNode: (key, to) => set((s) => ({ positions: { ...s.positions, [key]: to } })),
  };
});
