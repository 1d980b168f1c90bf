import { z } from 'zod';
import { formatIssues } from '../../sim/scenarios/formatIssues';
import { FaultSchema, type FaultSpec } from '../../sim/scenarios/schema/faultSchema';
import type { Edit } from './edits';

/**
 * The compact parts of a run's link: `edits` and `faults`, each base64url of a JSON list. Decoding
 * is strict and bounded (length, alphabet, UTF-8, JSON, then a zod schema): a link is data, and
 * nothing in it is ever run. Edit keys are checked against the preset's knobs later, by the caller.
 */

/** The link format this page writes and reads; a link with edits or faults says `v=1`. */
export const URL_VERSION = 1;
/** A whole query string longer than this is refused unread. */
export const MAX_SEARCH_CHARS = 8192;
/** One encoded parameter longer than this is refused before decoding. */
export const MAX_PARAM_CHARS = 4096;
export const MAX_EDITS = 100;
export const MAX_FAULTS = 20;
const MAX_KEY_CHARS = 160;

const EditSchema = z.tuple(
  [
    z
      .string({ error: 'the key must be a string' })
      .max(MAX_KEY_CHARS, { error: `the key must be at most ${MAX_KEY_CHARS} characters` })
      .regex(/^[A-Za-z0-9_.\-[\]]+$/, {
        error: 'the key must be a field path such as stations[0].servers',
      }),
    z.number({ error: 'must be a number or null' }).finite({ error: 'must be finite' }).nullable(),
  ],
  { error: 'each edit must be a [key, value] pair' },
);

const EditsSchema = z
  .array(EditSchema, { error: 'must be a list of [key, value] pairs' })
  .max(MAX_EDITS, { error: `at most ${MAX_EDITS} edits` })
  .refine((edits) => new Set(edits.map(([key]) => key)).size === edits.length, {
    error: 'names a field twice',
  });

const FaultsSchema = z
  .array(FaultSchema, { error: 'must be a list of faults' })
  .max(MAX_FAULTS, { error: `at most ${MAX_FAULTS} faults` });

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: string };

/** UTF-8 JSON as base64url without padding: safe in a query string as it is. */
export function encodeJson(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The JSON value in base64url text, or what is wrong with it. */
export function decodeJson(text: string): Decoded<unknown> {
  if (text.length > MAX_PARAM_CHARS) {
    return {
      ok: false,
      error: `${text.length} characters, more than the ${MAX_PARAM_CHARS} allowed`,
    };
  }
  // A length of 4n + 1 cannot come from whole bytes: the link was cut short.
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    return {
      ok: false,
      error: 'not base64url text: letters, digits, "-" and "_" only (was the link cut short?)',
    };
  }
  let json: string;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'not base64url of UTF-8 text (was the link cut short?)' };
  }
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, error: 'not valid JSON (was the link cut short?)' };
  }
}

function decodeWith<T>(text: string, schema: z.ZodType<T>, name: string): Decoded<T> {
  const json = decodeJson(text);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const wrapped = { [name]: json.value };
  const lines = formatIssues(
    parsed.error.issues.map((issue) => ({ ...issue, path: [name, ...issue.path] })),
    wrapped,
  );
  return { ok: false, error: lines.join('; ') };
}

export const encodeEdits = (edits: readonly Edit[]): string => encodeJson(edits);
export const encodeFaults = (faults: readonly FaultSpec[]): string => encodeJson(faults);

/**
 * Why these edits would make a link this page refuses to read (too many, too long), or null:
 * checked before they are applied, so the address bar never holds a run it cannot reproduce.
 */
export function editsLinkProblem(edits: readonly { 0: string }[]): string | null {
  if (edits.length > MAX_EDITS) {
    return `${edits.length} edits, more than the ${MAX_EDITS} a link can hold`;
  }
  const chars = encodeJson(edits).length;
  return chars > MAX_PARAM_CHARS
    ? `the edits take ${chars} characters in a link, more than the ${MAX_PARAM_CHARS} allowed`
    : null;
}

export function decodeEdits(text: string): Decoded<Edit[]> {
  return decodeWith(text, EditsSchema, 'edits');
}

/** Faults as the fault schema reads them; whether their targets exist is the worker's check. */
export function decodeFaults(text: string): Decoded<FaultSpec[]> {
  return decodeWith(text, FaultsSchema, 'faults');
}
