import { parseSeed, SEED_RANGE } from './seed';

export const DEFAULT_PRESET = 'lunch-rush';

export interface UrlState {
  preset: string;
  /** undefined: the preset's own seed. */
  seed: number | undefined;
  /** One message per bad parameter, naming it and what it accepts. */
  errors: string[];
}

/**
 * Reads `?preset=<name>&seed=<n>`. Values are only ever compared with the known preset names and
 * parsed as digits: nothing from the URL is executed or used as a path. A bad preset falls back to
 * the default preset; a bad seed to the preset's own seed.
 */
export function parseUrlState(
  search: string,
  presetNames: readonly string[],
  defaultPreset = DEFAULT_PRESET,
): UrlState {
  const params = new URLSearchParams(search);
  const errors: string[] = [];
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
  return { preset, seed, errors };
}

/** The query string that reproduces a run; other parameters are kept. */
export function urlSearchFor(current: string, preset: string, seed: number): string {
  const params = new URLSearchParams(current);
  params.set('preset', preset);
  params.set('seed', String(seed));
  return `?${params.toString()}`;
}
