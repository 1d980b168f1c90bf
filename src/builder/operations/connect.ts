import { DEFAULT_KEYS } from '../componentDefaults';
import {
  asList,
  asRecord,
  checked,
  copyOf,
  findItem,
  itemsOf,
  KIND_LABEL,
  type ComponentKind,
  type ComponentRef,
  type DesignDoc,
  type JsonObject,
  type OperationResult,
} from '../designDoc';

/** What a service can call, and the step that does it. */
export const CONNECTABLE: readonly ComponentKind[] = [
  'station',
  'cache',
  'database',
  'topic',
  'table',
  'orders',
];

export interface Connection {
  /** The calling service. */
  from: string;
  /** Its endpoint the step is appended to; omitted = its first. */
  endpoint?: string | undefined;
  to: ComponentRef;
  /** For a database: read (a replica serves it) or write (the master). */
  access?: 'read' | 'write';
}

/** Where a cache read loads a missing key from: the design's first database. */
function loadSource(doc: DesignDoc): string | undefined {
  const db = itemsOf(doc, 'databases')[0]?.id;
  return typeof db === 'string' ? db : undefined;
}

/** The endpoint step for `connection`, or why there can be none. */
function stepFor(doc: DesignDoc, connection: Connection): JsonObject | string {
  const { from, to } = connection;
  switch (to.kind) {
    case 'station':
      if (to.id === from) return 'a service cannot call itself';
      return { kind: 'call', to: to.id };
    case 'cache': {
      const loadFrom = loadSource(doc);
      if (loadFrom === undefined) {
        return 'a cache read loads a missing key from a database: add a database first';
      }
      return { kind: 'cacheRead', cache: to.id, loadFrom };
    }
    case 'database':
      return { kind: connection.access === 'write' ? 'dbWrite' : 'dbRead', db: to.id };
    case 'topic':
      return { kind: 'publish', topic: to.id };
    case 'table':
      return { kind: 'shardQuery', table: to.id };
    case 'orders':
      return { kind: 'placeOrder', orders: to.id };
    default:
      return `a service cannot call a ${KIND_LABEL[to.kind]}`;
  }
}

/** Steps that are about the request's key need the scenario's `keys`. */
const NEEDS_KEYS = new Set(['cacheRead', 'cachedWrite', 'dbRead', 'dbWrite']);

/**
 * Connects a service to another component: appends the step that calls it (call, cacheRead,
 * dbRead or dbWrite, publish, shardQuery, placeOrder) to the end of one of the service's
 * endpoints. A key-based step in a design without `keys` adds 100,000 Zipf keys.
 */
export function connect(doc: DesignDoc, connection: Connection): OperationResult {
  const { from, to } = connection;
  const target = `${KIND_LABEL[to.kind]} "${to.id}"`;
  const what = `connect "${from}" to ${target}`;
  const station = findItem(doc, 'stations', from);
  if (!station) return { ok: false, error: `Cannot ${what}: no service "${from}"` };
  const endpoints = Object.keys(asRecord(station.endpoints));
  if (endpoints.length === 0) {
    return {
      ok: false,
      error: `Cannot ${what}: "${from}" has a plain service time and no endpoints, so it calls nothing`,
    };
  }
  const endpoint = connection.endpoint ?? endpoints[0]!;
  if (!endpoints.includes(endpoint)) {
    return {
      ok: false,
      error: `Cannot ${what}: "${from}" has no endpoint "${endpoint}" (it has ${endpoints.join(', ')})`,
    };
  }
  const step = stepFor(doc, connection);
  if (typeof step === 'string') return { ok: false, error: `Cannot ${what}: ${step}` };
  const next = copyOf(doc);
  const steps = asRecord(findItem(next, 'stations', from)!.endpoints);
  steps[endpoint] = [...asList(steps[endpoint]), step];
  if (NEEDS_KEYS.has(String(step.kind)) && next.keys === undefined) next.keys = { ...DEFAULT_KEYS };
  return checked(doc, next, what, { kind: 'station', id: from });
}
