import {
  asList,
  brokenReferences,
  checked,
  copyOf,
  findItem,
  itemsOf,
  type DesignDoc,
  type OperationResult,
} from '../designDoc';

/**
 * Removes a replica of database `dbId` (its last one when `replicaId` is omitted), and its station.
 * Refused, naming them, when other parts of the design still refer to that station.
 */
export function removeReplica(doc: DesignDoc, dbId: string, replicaId?: string): OperationResult {
  const db = findItem(doc, 'databases', dbId);
  if (!db) return { ok: false, error: `Cannot remove a replica: no database "${dbId}"` };
  const replicas = asList(db.replicas).filter((r): r is string => typeof r === 'string');
  const id = replicaId ?? replicas.at(-1);
  if (id === undefined) return { ok: false, error: `Database "${dbId}" has no replicas` };
  if (!replicas.includes(id)) {
    return { ok: false, error: `"${id}" is not a replica of database "${dbId}"` };
  }
  const next = copyOf(doc);
  findItem(next, 'databases', dbId)!.replicas = replicas.filter((r) => r !== id);
  next.stations = itemsOf(next, 'stations').filter((s) => s.id !== id);
  const referrers = brokenReferences(doc, next);
  if (referrers.length > 0) {
    return {
      ok: false,
      error: `Cannot remove replica "${id}": it is still referred to by ${referrers.join(', ')}`,
    };
  }
  return checked(doc, next, `remove replica "${id}"`, { kind: 'database', id: dbId });
}
