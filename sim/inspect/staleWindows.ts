import type { CacheTraceOp } from '../model/cache/cache';

/** A stretch in which the cache held an older version of the key than the database had committed. */
export interface StaleWindow {
  from: number;
  to: number;
  /** The version the cache held, and the newest committed one. */
  cached: number;
  committed: number;
}

/** An operation that may change what the cache holds or what the database has committed. */
export interface KeyChange {
  at: number;
  op: CacheTraceOp;
  version: number;
}

/**
 * The stale windows of one key, from its operations in the order they happened: the cache starts
 * holding `initial` (-1: nothing), the database at version 0. A fill or set stores a version, a
 * delete empties the key, a commit raises the committed version; other operations change
 * nothing. A window still open at `end` closes there. One window per (cached, committed) pair, so
 * each names the versions it was stale between. (TTL expiry is not traced: the replay runs far
 * shorter than the TTL.)
 */
export function staleWindows(
  changes: readonly KeyChange[],
  end: number,
  initial = 0,
): StaleWindow[] {
  const windows: StaleWindow[] = [];
  let cached = initial;
  let committed = 0;
  let openSince = -1;
  for (const c of changes) {
    let nextCached = cached;
    let nextCommitted = committed;
    if (c.op === 'fill' || c.op === 'set') nextCached = c.version;
    else if (c.op === 'delete') nextCached = -1;
    else if (c.op === 'commit') nextCommitted = c.version;
    if (nextCached === cached && nextCommitted === committed) continue;
    if (openSince >= 0) windows.push({ from: openSince, to: c.at, cached, committed });
    cached = nextCached;
    committed = nextCommitted;
    openSince = cached >= 0 && cached < committed ? c.at : -1;
  }
  if (openSince >= 0) windows.push({ from: openSince, to: end, cached, committed });
  return windows;
}
