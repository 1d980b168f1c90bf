import type { Decoded } from './urlCodec';

/**
 * A "Build your own" design in a link: `design=v1.<base64url of the deflate-raw of its JSON>`.
 * Decoding is strict and bounded at every stage (length, version, alphabet, the inflated size,
 * UTF-8, JSON, nesting): the document is only ever parsed as data, then validated by the worker
 * like any design before it runs. Nothing in it is executed.
 */

/** The format this page writes; the prefix lets a later one be told apart (or refused by name). */
export const DESIGN_VERSION = 'v1';
/**
 * The encoded parameter: about 9 kB compressed, 50 kB or more of scenario JSON (the largest lesson
 * takes 5,000 characters). Web servers commonly refuse addresses much longer than this.
 */
export const MAX_DESIGN_CHARS = 12_000;
/** The JSON once inflated: a link that would inflate beyond this is refused (a "zip bomb"). */
export const MAX_DESIGN_BYTES = 1_048_576;
/** Objects and lists inside one another; a scenario needs fewer than ten. */
export const MAX_DESIGN_DEPTH = 32;

const FORMAT = 'deflate-raw';

const toBase64url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

async function collect(
  stream: ReadableStream<Uint8Array>,
  max: number,
): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

const streamOf = (bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> =>
  new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });

/** The design as a link parameter (`v1.` and base64url of its compressed JSON). */
export async function encodeDesign(doc: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(doc));
  const compressed = await collect(
    streamOf(json).pipeThrough(new CompressionStream(FORMAT)),
    Number.POSITIVE_INFINITY,
  );
  return `${DESIGN_VERSION}.${toBase64url(compressed!)}`;
}

/** Deeper than MAX_DESIGN_DEPTH, counted without recursion (so a hostile depth cannot overflow). */
function tooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_DESIGN_DEPTH) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

const CUT_SHORT = '(was the link cut short?)';

/** The design document in a `design` parameter, or what is wrong with it. Not yet validated. */
export async function decodeDesign(text: string): Promise<Decoded<Record<string, unknown>>> {
  if (text.length > MAX_DESIGN_CHARS) {
    return {
      ok: false,
      error: `${text.length} characters, more than the ${MAX_DESIGN_CHARS} a design link may have`,
    };
  }
  const dot = text.indexOf('.');
  const version = dot < 0 ? '' : text.slice(0, dot);
  if (version !== DESIGN_VERSION) {
    return {
      ok: false,
      error: /^v\d{1,4}$/.test(version)
        ? `version "${version}" is not one this page reads (${DESIGN_VERSION})`
        : `must start with "${DESIGN_VERSION}." (the design format's version)`,
    };
  }
  const payload = text.slice(dot + 1);
  // A length of 4n + 1 cannot come from whole bytes.
  if (payload === '' || !/^[A-Za-z0-9_-]*$/.test(payload) || payload.length % 4 === 1) {
    return {
      ok: false,
      error: `not base64url text after "${DESIGN_VERSION}.": letters, digits, "-" and "_" only ${CUT_SHORT}`,
    };
  }
  const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const compressed = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  let bytes: Uint8Array | null;
  try {
    bytes = await collect(
      streamOf(compressed).pipeThrough(new DecompressionStream(FORMAT)),
      MAX_DESIGN_BYTES,
    );
  } catch {
    return { ok: false, error: `not compressed data this page wrote ${CUT_SHORT}` };
  }
  if (bytes === null) {
    return {
      ok: false,
      error: `the design inflates to more than ${MAX_DESIGN_BYTES} bytes (1 MB), the most a link may hold`,
    };
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'not UTF-8 text once inflated' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: `not valid JSON once inflated ${CUT_SHORT}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'not a scenario: it must be a JSON object { ... }' };
  }
  if (tooDeep(value)) {
    return { ok: false, error: `nested more than ${MAX_DESIGN_DEPTH} levels deep` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
