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
}

/** What reproduces a run: written into the address bar, read back by parseUrlState. */
export interface RunLink {
  preset: string;
  seed: number;
  edits: readonly Edit[];
  faults: readonly FaultSpec[];
}

/**
 * Reads `?preset=<name>&seed=<n>`, and from links of version 1 (`v=1`) `edits` and `faults`.
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
  if (search.length > MAX_SEARCH_CHARS) {
    return fallback([
      `The page address has ${search.length} characters after "?", more than the ${MAX_SEARCH_CHARS} allowed`,
    ]);
  }
  const params = new URLSearchParams(search);
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
  if (editsParam === null && faultsParam === null) {
    return { preset, seed, edits: [], faults: [], errors };
  }
  const problems: string[] = [];
  if (version === null) {
    problems.push(`URL parameter "v": missing; a link with edits or faults says v=${URL_VERSION}`);
  }
  if (presetParam === null) {
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
  return { preset, seed, edits: edits.value, faults: faults.value, errors };
}

/** The query string that reproduces a run; other parameters are kept. */
export function urlSearchFor(
  current: string,
  preset: string,
  seed: number,
  edits: readonly Edit[] = [],
  faults: readonly FaultSpec[] = [],
): string {
  const params = new URLSearchParams(current);
  params.set('preset', preset);
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
  urlSearchFor(current, link.preset, link.seed, link.edits, link.faults);
