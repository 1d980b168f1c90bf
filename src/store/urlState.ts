import type { FaultSpec } from '../../sim/scenarios/schema/faultSchema';
import type { Edit } from './edits';
import { parseSeed, SEED_RANGE } from './seed';
import {
  decodeEdits,
  decodeFaults,
  encodeEdits,
  encodeFaults,
  MAX_SEARCH_CHARS,
  URL_VERSION,
} from './urlCodec';
import { decodeDesign, MAX_DESIGN_CHARS } from './urlDesign';

export const DEFAULT_PRESET = 'lunch-rush';

export interface UrlState {
  preset: string;
  /** undefined: the preset's own seed. */
  seed: number | undefined;
  /** Knob edits to apply to the preset; their keys are checked against its knobs on load. */
  edits: Edit[];
  /** Faults to inject at t = 0, each at its own time. */
  faults: FaultSpec[];
  /** One message per bad parameter, naming it and what it accepts. */
  errors: string[];
  /** A design's `design` parameter, still encoded (urlDesign): the run's base instead of a preset. */
  design?: string;
}

/** A UrlState with its design decoded (not yet validated: the worker does that as it loads). */
export interface LinkState extends Omit<UrlState, 'design'> {
  design?: Record<string, unknown>;
}

/** What reproduces a run: written into the address bar, read back by parseUrlState. */
export interface RunLink {
  preset: string;
  seed: number;
  edits: readonly Edit[];
  faults: readonly FaultSpec[];
  /** A design run: its encoded document, written instead of the preset. */
  design?: string | undefined;
}

/**
 * Reads `?preset=<name>&seed=<n>`, and from links of version 1 (`v=1`) `edits` and `faults`.
 * `design=v1.<...>` stands in for the preset: a "Build your own" design, with its seed, edits and
 * faults beside it as for a preset; it is only checked for size here (readUrlState decodes it).
 * Values are only compared with known names, parsed as digits, or decoded as data (urlCodec):
 * nothing from the URL is executed or used as a path. A bad preset falls back to the default
 * preset and a bad seed to the preset's own seed, as before; a bad version, edit list or fault
 * list (hostile, or cut short) falls back to the default lesson as it is, so a half-read link
 * never passes for the run it describes.
 */
export function parseUrlState(
  search: string,
  presetNames: readonly string[],
  defaultPreset = DEFAULT_PRESET,
): UrlState {
  const errors: string[] = [];
  const fallback = (problems: string[]): UrlState => ({
    preset: defaultPreset,
    seed: undefined,
    edits: [],
    faults: [],
    errors: [...errors, ...problems.map((e) => `${e}; showing ${defaultPreset} instead.`)],
  });
  // A design may take MAX_DESIGN_CHARS more; everything else shares MAX_SEARCH_CHARS.
  const tooLong = (length: number, allowed: number) =>
    fallback([
      `The page address has ${length} characters after "?", more than the ${allowed} allowed`,
    ]);
  if (search.length > MAX_SEARCH_CHARS + MAX_DESIGN_CHARS) {
    return tooLong(search.length, MAX_SEARCH_CHARS + MAX_DESIGN_CHARS);
  }
  const params = new URLSearchParams(search);
  const design = params.get('design');
  const rest = search.length - (design?.length ?? 0);
  if (rest > MAX_SEARCH_CHARS) return tooLong(search.length, MAX_SEARCH_CHARS);
  if (design !== null && design.length > MAX_DESIGN_CHARS) {
    return fallback([
      `URL parameter "design": ${design.length} characters, more than the ${MAX_DESIGN_CHARS} a design link may have`,
    ]);
  }
  if (design !== null && params.has('preset')) {
    return fallback([
      'URL parameters "design" and "preset": a link names a preset or holds a design, not both',
    ]);
  }
  let preset = defaultPreset;
  const presetParam = params.get('preset');
  if (presetParam !== null) {
    if (presetNames.includes(presetParam)) preset = presetParam;
    else {
      errors.push(
        `URL parameter "preset": unknown preset "${presetParam}" (allowed: ${presetNames.join(', ')}); showing ${defaultPreset} instead.`,
      );
    }
  }
  let seed: number | undefined;
  const seedParam = params.get('seed');
  if (seedParam !== null) {
    const parsed = parseSeed(seedParam);
    if (parsed.ok) seed = parsed.seed;
    else {
      errors.push(
        `URL parameter "seed": "${seedParam}" is not ${SEED_RANGE}; using the preset's own seed instead.`,
      );
    }
  }
  const version = params.get('v');
  const editsParam = params.get('edits');
  const faultsParam = params.get('faults');
  if (version !== null && version !== String(URL_VERSION)) {
    return fallback([
      `URL parameter "v": version "${version}" is not one this page reads (${URL_VERSION})`,
    ]);
  }
  const base = design === null ? {} : { design };
  if (editsParam === null && faultsParam === null) {
    return { preset, seed, edits: [], faults: [], errors, ...base };
  }
  const problems: string[] = [];
  if (version === null) {
    problems.push(`URL parameter "v": missing; a link with edits or faults says v=${URL_VERSION}`);
  }
  if (presetParam === null && design === null) {
    problems.push('URL parameter "preset": missing; a link with edits or faults names its preset');
  }
  const edits = editsParam === null ? { ok: true as const, value: [] } : decodeEdits(editsParam);
  if (!edits.ok) problems.push(`URL parameter "edits": ${edits.error}`);
  const faults =
    faultsParam === null ? { ok: true as const, value: [] } : decodeFaults(faultsParam);
  if (!faults.ok) problems.push(`URL parameter "faults": ${faults.error}`);
  // Edits and faults belong to the preset the link names: with another one they mean nothing.
  if (preset !== presetParam && presetParam !== null) return fallback(problems);
  if (problems.length > 0 || !edits.ok || !faults.ok) return fallback(problems);
  return { preset, seed, edits: edits.value, faults: faults.value, errors, ...base };
}

/**
 * parseUrlState, then the design decoded when the link holds one. A design that cannot be read
 * (cut short, not this page's format, too large once inflated) falls back to the default lesson,
 * as every other bad link does, with what was wrong.
 */
export async function readUrlState(
  search: string,
  presetNames: readonly string[],
  defaultPreset = DEFAULT_PRESET,
): Promise<LinkState> {
  const { design, ...state } = parseUrlState(search, presetNames, defaultPreset);
  if (design === undefined) return state;
  const decoded = await decodeDesign(design);
  if (decoded.ok) return { ...state, design: decoded.value };
  return {
    preset: defaultPreset,
    seed: undefined,
    edits: [],
    faults: [],
    errors: [
      ...state.errors,
      `URL parameter "design": ${decoded.error}; showing ${defaultPreset} instead.`,
    ],
  };
}

/**
 * The query string that reproduces a run; other parameters are kept. With `design` (encoded) the
 * link holds that design instead of naming the preset.
 */
export function urlSearchFor(
  current: string,
  preset: string,
  seed: number,
  edits: readonly Edit[] = [],
  faults: readonly FaultSpec[] = [],
  design?: string,
): string {
  const params = new URLSearchParams(current);
  if (design === undefined) {
    params.set('preset', preset);
    params.delete('design');
  } else {
    params.delete('preset');
    params.set('design', design);
  }
  params.set('seed', String(seed));
  const versioned = edits.length > 0 || faults.length > 0;
  if (versioned) params.set('v', String(URL_VERSION));
  else params.delete('v');
  if (edits.length > 0) params.set('edits', encodeEdits(edits));
  else params.delete('edits');
  if (faults.length > 0) params.set('faults', encodeFaults(faults));
  else params.delete('faults');
  return `?${params.toString()}`;
}

/** `urlSearchFor` for a RunLink. */
export const searchForLink = (current: string, link: RunLink): string =>
  urlSearchFor(current, link.preset, link.seed, link.edits, link.faults, link.design);
