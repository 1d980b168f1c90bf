import { create } from 'zustand';
import { hasComponent, type ComponentRef, type DesignDoc, type OperationResult } from './designDoc';
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
  start(doc: DesignDoc): void;
  editText(text: string): void;
  /** Applies a canvas operation: its document, or its refusal as a notice. */
  apply(result: OperationResult, done: string): void;
  select(ref: ComponentRef | null): void;
  notify(notice: BuilderNotice | null): void;
}

/**
 * The design lives in its own store, outside the panel's components, so closing the panel and
 * opening it again in the same page session finds it as it was, typed text and errors included.
 */
export const useBuilderStore = create<BuilderStore>()((set) => ({
  design: null,
  selected: null,
  notice: null,
  start: (doc) => set({ design: designFrom(doc), selected: null, notice: null }),
  editText: (text) => set((s) => (s.design ? { design: textEdited(s.design, text) } : {})),
  apply: (result, done) =>
    set((s) => {
      if (!result.ok) return { notice: { text: result.error, tone: 'error' } };
      const selected =
        result.selected ?? (s.selected && hasComponent(result.doc, s.selected) ? s.selected : null);
      return { design: docChanged(result.doc), selected, notice: { text: done, tone: 'info' } };
    }),
  select: (selected) => set({ selected }),
  notify: (notice) => set({ notice }),
}));
