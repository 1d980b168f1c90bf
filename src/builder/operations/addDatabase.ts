import { databaseStation, MAX_REPLICAS } from '../componentDefaults';
import {
  append,
  checked,
  copyOf,
  freshId,
  freshName,
  type DesignDoc,
  type OperationResult,
} from '../designDoc';

/** Adds a MySQL-style database: a master station and `replicas` replica stations. */
export function addDatabase(doc: DesignDoc, replicas: number): OperationResult {
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > MAX_REPLICAS) {
    return {
      ok: false,
      error: `Replicas must be an integer from 0 to ${MAX_REPLICAS}, got ${replicas}`,
    };
  }
  const next = copyOf(doc);
  const id = freshId(doc, 'db');
  const master = freshName(doc, `${id}-master`);
  const replicaIds: string[] = [];
  for (let k = 0; k < replicas; k++) {
    replicaIds.push(freshId(doc, `${id}-replica`, [master, ...replicaIds]));
  }
  append(next, 'databases', { id, master, replicas: replicaIds });
  append(next, 'stations', ...[master, ...replicaIds].map(databaseStation));
  return checked(doc, next, `add database "${id}"`, { kind: 'database', id });
}
