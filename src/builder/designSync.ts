import { validateScenario } from '../../sim/scenarios/validateScenario';
import type { DesignDoc } from './designDoc';
import { formatDesign } from './formatDesign';

/**
 * The two-way sync between the canvas and the JSON text. The canvas always shows `doc`, the last
 * document that parsed and passed the worker's validator; the text is what the user typed, and
 * `errors` say why it is not (yet) a valid design.
 */
export interface DesignState {
  doc: DesignDoc;
  text: string;
  errors: string[];
}

/** A parse error with a line and column, counted from the position V8 reports. */
function syntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (!position || / line \d+/.test(message)) return `JSON syntax: ${message}`;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `JSON syntax: ${message} (line ${line} column ${column})`;
}

/** The typed text as a design, or the errors that stop it: one per problem, each with its path. */
export function readDesignText(
  text: string,
): { ok: true; doc: DesignDoc } | { ok: false; errors: string[] } {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [syntaxError(text, error)] };
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: ['(scenario): must be a JSON object { ... }'] };
  }
  const result = validateScenario(input);
  return result.ok ? { ok: true, doc: input as DesignDoc } : { ok: false, errors: result.errors };
}

/** A design starting from `doc` (a loaded scenario): its text formatted, nothing wrong yet. */
export function designFrom(doc: DesignDoc): DesignState {
  return { doc, text: formatDesign(doc), errors: [] };
}

/** The text after an edit in the JSON editor: a valid one replaces the document, else it stays. */
export function textEdited(state: DesignState, text: string): DesignState {
  const read = readDesignText(text);
  return read.ok
    ? { doc: read.doc, text, errors: [] }
    : { doc: state.doc, text, errors: read.errors };
}

/** The document after a canvas edit: the text is rewritten from it. */
export const docChanged = (doc: DesignDoc): DesignState => designFrom(doc);
