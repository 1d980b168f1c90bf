import { validateScenario } from '../../sim/scenarios/validateScenario';

/**
 * A design is a scenario document as written in a file (defaults left out), held as plain JSON:
 * the builder edits the same thing the JSON editor shows and the worker loads.
 */
export type DesignDoc = Record<string, unknown>;
export type JsonObject = Record<string, unknown>;

/** What a canvas node stands for: one item of one of the document's collections. */
export type ComponentKind =
  'source' | 'station' | 'cache' | 'database' | 'topic' | 'table' | 'orders' | 'centre';

export interface ComponentRef {
  kind: ComponentKind;
  id: string;
}

/** Where each kind lives in the document (centres sit inside `multiActive`). */
export const COLLECTION_OF: Record<Exclude<ComponentKind, 'centre'>, string> = {
  source: 'sources',
  station: 'stations',
  cache: 'caches',
  database: 'databases',
  topic: 'topics',
  table: 'shardedTables',
  orders: 'orders',
};

export const KIND_LABEL: Record<ComponentKind, string> = {
  source: 'source',
  station: 'service',
  cache: 'cache',
  database: 'database',
  topic: 'topic',
  table: 'sharded table',
  orders: 'order flow',
  centre: 'data centre',
};

/** A refusal names what is in the way, so the user knows what to change first. */
export type OperationResult =
  { ok: true; doc: DesignDoc; selected?: ComponentRef } | { ok: false; error: string };

export const asList = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
export const asRecord = (x: unknown): JsonObject =>
  x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as JsonObject) : {};
export const idOf = (x: unknown): string | undefined => {
  const id = asRecord(x).id;
  return typeof id === 'string' ? id : undefined;
};

/** The items of a collection (`stations`, `caches`...) as objects. */
export function itemsOf(doc: DesignDoc, collection: string): JsonObject[] {
  return asList(doc[collection]).map(asRecord);
}

/** The item with this id, or undefined. */
export function findItem(doc: DesignDoc, collection: string, id: string): JsonObject | undefined {
  return itemsOf(doc, collection).find((item) => item.id === id);
}

/** Whether the document holds this component. */
export function hasComponent(doc: DesignDoc, ref: ComponentRef): boolean {
  const items =
    ref.kind === 'centre'
      ? asList(asRecord(doc.multiActive).centres)
      : asList(doc[COLLECTION_OF[ref.kind]]);
  return items.some((item) => idOf(item) === ref.id);
}

/** Every id the document uses, whatever the kind, so a new one can be told apart from all. */
export function allIds(doc: DesignDoc): Set<string> {
  const ids = new Set<string>();
  for (const collection of Object.values(COLLECTION_OF)) {
    for (const item of itemsOf(doc, collection)) if (typeof item.id === 'string') ids.add(item.id);
  }
  const multiActive = asRecord(doc.multiActive);
  if (typeof multiActive.id === 'string') ids.add(multiActive.id);
  for (const centre of asList(multiActive.centres)) {
    const id = idOf(centre);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/** `base-1`, `base-2`... the first one no id of the document takes (nor any of `reserved`). */
export function freshId(doc: DesignDoc, base: string, reserved: readonly string[] = []): string {
  const taken = allIds(doc);
  for (const id of reserved) taken.add(id);
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** `preferred` itself when it is free, else `preferred-2`, `preferred-3`... */
export function freshName(doc: DesignDoc, preferred: string): string {
  const taken = allIds(doc);
  if (!taken.has(preferred)) return preferred;
  for (let n = 2; ; n++) {
    const id = `${preferred}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A copy to change: operations are pure, the document they are given stays as it was. */
export const copyOf = (doc: DesignDoc): DesignDoc => structuredClone(doc);

/** Appends `item` to `collection` (creating the list when the document has none). */
export function append(doc: DesignDoc, collection: string, ...items: JsonObject[]): void {
  doc[collection] = [...asList(doc[collection]), ...items];
}

/**
 * The last gate of every operation: the result must pass the worker's own validator. A document
 * that was valid and would not be any more is refused with the validator's messages, so the
 * canvas can never hold a design the simulation refuses.
 */
export function checked(
  before: DesignDoc,
  after: DesignDoc,
  what: string,
  selected?: ComponentRef,
): OperationResult {
  const result = validateScenario(after);
  if (!result.ok && validateScenario(before).ok) {
    return { ok: false, error: `Cannot ${what}: ${result.errors.join('; ')}` };
  }
  return selected ? { ok: true, doc: after, selected } : { ok: true, doc: after };
}

/**
 * The places that refer to something `after` dropped: the validator's "unknown ..." messages
 * `after` has and `before` had not, each as its path and the item holding it (`... (in "api")`).
 * Read from the validator itself, so every kind of reference it checks is covered.
 */
export function brokenReferences(before: DesignDoc, after: DesignDoc): string[] {
  const errorsOf = (doc: DesignDoc) => {
    const result = validateScenario(doc);
    return result.ok ? [] : result.errors;
  };
  const had = new Set(errorsOf(before).map(pathOf));
  const names: string[] = [];
  for (const error of errorsOf(after)) {
    const path = pathOf(error);
    if (had.has(path) || !error.slice(path.length).startsWith(': unknown ')) continue;
    const owner = ownerOf(after, path);
    const label = owner === undefined ? path : `${path} (in "${owner}")`;
    if (!names.includes(label)) names.push(label);
  }
  return names;
}

/** The id of the innermost item on `path` that has one: the step's station, the tier, the goal. */
function ownerOf(doc: DesignDoc, path: string): string | undefined {
  const keys = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
  let node: unknown = doc;
  let owner: string | undefined;
  for (const key of keys.slice(0, -1)) {
    node = Array.isArray(node) ? node[Number(key)] : asRecord(node)[String(key)];
    owner = idOf(node) ?? owner;
  }
  return owner;
}

/** `stations[0].servers: must be ...` -> `stations[0].servers`. */
const pathOf = (error: string): string => {
  const colon = error.indexOf(': ');
  return colon < 0 ? error : error.slice(0, colon);
};
