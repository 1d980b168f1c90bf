import { cacheNodeStation, MAX_CACHE_NODES } from '../componentDefaults';
import {
  append,
  checked,
  copyOf,
  freshId,
  type DesignDoc,
  type OperationResult,
} from '../designDoc';

/**
 * Adds a Redis-style cache with `nodes` node stations. It holds 10,000 keys for 60 s with 10%
 * TTL jitter, so keys filled together do not all expire together (SEMANTICS.md section 5,
 * avalanche).
 */
export function addCache(doc: DesignDoc, nodes: number): OperationResult {
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > MAX_CACHE_NODES) {
    return {
      ok: false,
      error: `Cache nodes must be an integer from 1 to ${MAX_CACHE_NODES}, got ${nodes}`,
    };
  }
  const next = copyOf(doc);
  const id = freshId(doc, 'cache');
  const nodeIds: string[] = [];
  for (let k = 0; k < nodes; k++) nodeIds.push(freshId(doc, `${id}-node`, nodeIds));
  append(next, 'caches', { id, nodes: nodeIds, capacity: 10_000, ttl: 60, ttlJitter: 0.1 });
  append(next, 'stations', ...nodeIds.map(cacheNodeStation));
  return checked(doc, next, `add cache "${id}"`, { kind: 'cache', id });
}
