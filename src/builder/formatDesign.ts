import { ScenarioSchema } from '../../sim/scenarios/schema/scenarioSchema';
import type { DesignDoc } from './designDoc';

/** The schema's own order of the top-level fields: name first, the collections, tiers last. */
const FIELD_ORDER = Object.keys(ScenarioSchema.shape);

/**
 * The design as the JSON editor and the exported file show it: two-space indents, top-level
 * fields in the schema's order (unknown ones after, as given), everything inside in the order it
 * was written. The same document always gives the same text, so a canvas edit changes only the
 * lines it touches.
 */
export function formatDesign(doc: DesignDoc): string {
  const rank = (key: string) => {
    const at = FIELD_ORDER.indexOf(key);
    return at < 0 ? FIELD_ORDER.length : at;
  };
  const keys = Object.keys(doc)
    .map((key, written) => ({ key, written }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.written - b.written)
    .map(({ key }) => key);
  const ordered: DesignDoc = {};
  for (const key of keys) ordered[key] = doc[key];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
