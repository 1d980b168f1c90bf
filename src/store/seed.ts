import { MAX_SEED } from '../../sim/kernel/rng';

export { MAX_SEED };

export const SEED_RANGE = `an integer from 0 to ${MAX_SEED}`;

export type SeedParse = { ok: true; seed: number } | { ok: false; message: string };

/**
 * Reads a seed typed by a person or found in a URL. Only plain decimal digits pass: "1e3", "0x10",
 * " 7", "7.0" and "-1" are refused rather than guessed at.
 */
export function parseSeed(text: string): SeedParse {
  if (!/^\d{1,16}$/.test(text)) {
    return { ok: false, message: `Seed must be ${SEED_RANGE}` };
  }
  const seed = Number(text);
  if (seed > MAX_SEED) return { ok: false, message: `Seed must be ${SEED_RANGE}` };
  return { ok: true, seed };
}
