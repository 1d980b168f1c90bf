import { asRecord, copyOf, type DesignDoc } from './designDoc';

const SUFFIX = '-custom';

/**
 * The loaded scenario as the start of a design. It gets a name of its own (`lunch-rush-custom`)
 * so the page never mistakes the design for the preset it came from: a preset's name reloads the
 * preset, a design's is only ever loaded from its document.
 */
export function startingDesign(loaded: unknown): DesignDoc {
  const doc = copyOf(asRecord(loaded));
  const name = typeof doc.name === 'string' ? doc.name : 'design';
  if (!name.endsWith(SUFFIX)) doc.name = `${name.slice(0, 64 - SUFFIX.length)}${SUFFIX}`;
  if (typeof doc.title === 'string' && !doc.title.startsWith('Your design: ')) {
    doc.title = `Your design: ${doc.title}`.slice(0, 200);
  }
  return doc;
}
