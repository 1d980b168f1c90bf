import { databaseStation, MAX_REPLICAS } from '../componentDefaults';
import {
  asList,
  checked,
  copyOf,
  findItem,
  freshId,
  itemsOf,
  type DesignDoc,
  type OperationResult,
} from '../designDoc';

/** `replica-5` -> `replica`: a new replica is named like the ones before it. */
function namePrefix(lastReplica: string | undefined, dbId: string): string {
  const match = lastReplica === undefined ? null : /^(.*)-\d+$/.exec(lastReplica);
  return match?.[1] ?? `${dbId}-replica`;
}

/**
 * Adds one read replica to database `dbId`: a station configured like its last replica (or its
 * master when it has none), placed after it in `stations`. More replicas spread the reads; the
 * master still takes every write (README, read-write-split).
 */
export function addReplica(doc: DesignDoc, dbId: string): OperationResult {
  const db = findItem(doc, 'databases', dbId);
  if (!db) return { ok: false, error: `Cannot add a replica: no database "${dbId}"` };
  const replicas = asList(db.replicas).filter((r): r is string => typeof r === 'string');
  if (replicas.length >= MAX_REPLICAS) {
    return {
      ok: false,
      error: `Database "${dbId}" already has ${replicas.length} replicas (the builder adds up to ${MAX_REPLICAS})`,
    };
  }
  const next = copyOf(doc);
  const id = freshId(doc, namePrefix(replicas.at(-1), dbId));
  const templateId = replicas.at(-1) ?? (typeof db.master === 'string' ? db.master : '');
  const stations = itemsOf(next, 'stations');
  const at = stations.findIndex((s) => s.id === templateId);
  const template = at >= 0 ? structuredClone(stations[at]!) : databaseStation(id);
  stations.splice(at >= 0 ? at + 1 : stations.length, 0, { ...template, id });
  next.stations = stations;
  const nextDb = findItem(next, 'databases', dbId)!;
  nextDb.replicas = [...replicas, id];
  return checked(doc, next, `add a replica to "${dbId}"`, { kind: 'database', id: dbId });
}
