/**
 * Reading a lesson file (a scenario document with a `lesson` block) before the worker validates
 * it: the JSON syntax here, every other rule in the worker's validator, whose messages name the
 * field and its allowed range. Nothing here throws on bad input.
 */
export type LessonText = { ok: true; doc: unknown } | { ok: false; errors: string[] };

/** Files larger than this are no lesson (the biggest preset is ~20 kB). */
export const MAX_LESSON_BYTES = 2_000_000;

export function parseLessonText(text: string, from: string): LessonText {
  if (text.length > MAX_LESSON_BYTES) {
    return {
      ok: false,
      errors: [`${from}: must be a scenario file of at most 2 MB, got ${text.length} bytes`],
    };
  }
  try {
    return { ok: true, doc: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, errors: [`${from}: not valid JSON: ${(error as Error).message}`] };
  }
}

/**
 * The address of a shared lesson, resolved against the page: http(s) only, so a typo does not
 * turn into a request the page cannot make. Undefined with the reason otherwise.
 */
export function lessonUrl(text: string, base: string): { url: URL } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'lesson URL: is required (an http or https address)' };
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return { error: `lesson URL: must be an http or https address, got "${trimmed}"` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { error: `lesson URL: must be an http or https address, got "${trimmed}"` };
  }
  return { url };
}
