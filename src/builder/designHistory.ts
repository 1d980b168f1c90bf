import type { DesignState } from './designSync';

/**
 * Undo and redo for the design: the states before each change (`past`, newest last) and the ones
 * undone (`future`, next redo last), each with what the change was, so the buttons and notices
 * can name it. Only valid designs are kept: text that does not validate is never a step.
 */
export interface HistoryEntry {
  state: DesignState;
  /** The change that led away from `state`: "Added a replica to database "orders"." */
  what: string;
}

export interface DesignHistory {
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** When the last JSON edit that changed the design was made (ms), or null after any other change. */
  typedAt: number | null;
}

/** Bounded: the oldest steps go first. A design is a few kB of JSON, so this is at most a few MB. */
export const MAX_HISTORY = 100;

/** Keystrokes closer together than this make one step, so undo does not go a character at a time. */
export const TYPING_PAUSE_MS = 1000;

export const EMPTY_HISTORY: DesignHistory = { past: [], future: [], typedAt: null };

export const TYPED = 'Edited the JSON.';

const bounded = (entries: HistoryEntry[]) =>
  entries.length > MAX_HISTORY ? entries.slice(entries.length - MAX_HISTORY) : entries;

/** After a change from `before` (a valid design): a new step, and nothing left to redo. */
export function recorded(history: DesignHistory, before: DesignState, what: string): DesignHistory {
  return { past: bounded([...history.past, { state: before, what }]), future: [], typedAt: null };
}

/**
 * After a JSON edit that changed the design at time `at`: a new step, unless it follows the
 * previous edit within TYPING_PAUSE_MS, in which case it joins that step (whose entry already
 * holds the design from before the typing began).
 */
export function typed(history: DesignHistory, before: DesignState, at: number): DesignHistory {
  const joins =
    history.typedAt !== null && at - history.typedAt < TYPING_PAUSE_MS && history.past.length > 0;
  const next = joins ? { ...history, future: [] } : recorded(history, before, TYPED);
  return { ...next, typedAt: at };
}

export type Moved = { history: DesignHistory; state: DesignState; what: string } | null;

/** One step back from `current` (a valid design), or null when there is none. */
export function undone(history: DesignHistory, current: DesignState): Moved {
  const entry = history.past.at(-1);
  if (!entry) return null;
  return {
    history: {
      past: history.past.slice(0, -1),
      future: [...history.future, { state: current, what: entry.what }],
      typedAt: null,
    },
    state: entry.state,
    what: entry.what,
  };
}

/** One step forward again from `current`, or null when nothing was undone. */
export function redone(history: DesignHistory, current: DesignState): Moved {
  const entry = history.future.at(-1);
  if (!entry) return null;
  return {
    history: {
      past: bounded([...history.past, { state: current, what: entry.what }]),
      future: history.future.slice(0, -1),
      typedAt: null,
    },
    state: entry.state,
    what: entry.what,
  };
}
