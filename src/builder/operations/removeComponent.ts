import {
  asList,
  asRecord,
  brokenReferences,
  checked,
  COLLECTION_OF,
  copyOf,
  findItem,
  idOf,
  itemsOf,
  KIND_LABEL,
  type ComponentRef,
  type DesignDoc,
  type JsonObject,
  type OperationResult,
} from '../designDoc';

const strings = (xs: unknown[]): string[] => xs.filter((x): x is string => typeof x === 'string');

/** The stations that make up a component: a cache's nodes, a database's master and replicas... */
function memberStations(ref: ComponentRef, item: JsonObject): string[] {
  switch (ref.kind) {
    case 'cache':
      return strings(asList(item.nodes));
    case 'database':
      return strings([item.master, ...asList(item.replicas)]);
    case 'topic':
      return strings(asList(item.consumers));
    case 'table':
      return strings([...asList(item.shards), item.indexTable, asRecord(item.searchIndex).station]);
    default:
      return [];
  }
}

/** The document without `ref`'s own entry, and that entry (undefined: no such component). */
function without(doc: DesignDoc, ref: ComponentRef): [DesignDoc, JsonObject | undefined] {
  const next = copyOf(doc);
  if (ref.kind === 'centre') {
    const group = asRecord(next.multiActive);
    const centres = asList(group.centres);
    const item = centres.map(asRecord).find((c) => c.id === ref.id);
    group.centres = centres.filter((c) => idOf(c) !== ref.id);
    return [next, item];
  }
  const collection = COLLECTION_OF[ref.kind];
  const item = findItem(doc, collection, ref.id);
  next[collection] = itemsOf(next, collection).filter((x) => x.id !== ref.id);
  return [next, item];
}

/**
 * Removes a component. Refused, naming every place, while other parts of the design refer to it
 * (a call step, a cache read, a tier, a fault...): those must go first, or the design would not
 * run. The stations that made it up (a cache's nodes, a database's master and replicas, a topic's
 * consumers, a table's shards) go with it unless something else still uses them.
 */
export function removeComponent(doc: DesignDoc, ref: ComponentRef): OperationResult {
  const label = `${KIND_LABEL[ref.kind]} "${ref.id}"`;
  const [withoutIt, item] = without(doc, ref);
  let next = withoutIt;
  if (!item) return { ok: false, error: `Cannot remove ${label}: there is none` };
  const referrers = brokenReferences(doc, next);
  if (referrers.length > 0) {
    return {
      ok: false,
      error: `Cannot remove ${label}: it is referred to by ${referrers.join(', ')}`,
    };
  }
  for (const station of memberStations(ref, item)) {
    const [candidate] = without(next, { kind: 'station', id: station });
    if (brokenReferences(next, candidate).length === 0) next = candidate;
  }
  return checked(doc, next, `remove ${label}`);
}
