import {
  append,
  checked,
  copyOf,
  findItem,
  freshId,
  type DesignDoc,
  type OperationResult,
} from '../designDoc';

/** Highest rate the toolbar offers for a new source, requests per second. */
export const MAX_SOURCE_RATE = 1_000_000;

/**
 * Adds users sending Poisson requests at `rate` per second to the service `target` (its first
 * endpoint), so a new part of the design gets traffic of its own.
 */
export function addSource(doc: DesignDoc, target: string, rate: number): OperationResult {
  if (!Number.isFinite(rate) || rate <= 0 || rate > MAX_SOURCE_RATE) {
    return {
      ok: false,
      error: `Rate must be a number > 0 and <= ${MAX_SOURCE_RATE} requests/s, got ${rate}`,
    };
  }
  if (!findItem(doc, 'stations', target)) {
    return { ok: false, error: `Cannot add a source: no service "${target}"` };
  }
  const next = copyOf(doc);
  const id = freshId(doc, 'users');
  append(next, 'sources', { id, kind: 'poisson', target, rate });
  return checked(doc, next, `add source "${id}"`, { kind: 'source', id });
}
