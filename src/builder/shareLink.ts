import { validateScenario } from '../../sim/scenarios/validateScenario';
import { encodeDesign, MAX_DESIGN_CHARS } from '../store/urlDesign';
import { urlSearchFor } from '../store/urlState';
import type { DesignDoc } from './designDoc';

export type ShareLink = { ok: true; search: string; seed: number } | { ok: false; error: string };

/**
 * The page address that opens this design as "Run this design" would run it: the document,
 * compressed (`design=v1.<...>`), and the seed it runs with (its own `seed`, or the default), so
 * the figures are the same wherever the link is opened.
 */
export async function shareSearch(doc: DesignDoc): Promise<ShareLink> {
  const valid = validateScenario(doc);
  if (!valid.ok) return { ok: false, error: `Fix the design first: ${valid.errors.join('; ')}` };
  const design = await encodeDesign(doc);
  if (design.length > MAX_DESIGN_CHARS) {
    return {
      ok: false,
      error: `The design takes ${design.length} characters in a link, more than the ${MAX_DESIGN_CHARS} allowed: share it with Export instead.`,
    };
  }
  const { seed } = valid.scenario;
  return { ok: true, search: urlSearchFor('', '', seed, [], [], design), seed };
}
