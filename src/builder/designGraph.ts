import {
  asList,
  asRecord,
  COLLECTION_OF,
  itemsOf,
  type ComponentKind,
  type ComponentRef,
  type DesignDoc,
} from './designDoc';

export interface DesignNode extends ComponentRef {
  key: string;
  /** A short fact under the name: servers, nodes, replicas, partitions... */
  detail: string;
  /** Sources in column 0; everything else by hops from them (unreached: column 1). */
  column: number;
  row: number;
}

export interface DesignEdge {
  from: string;
  to: string;
  /** The step kind or the membership the edge stands for ('call', 'replica', 'consumer'...). */
  kind: string;
  /**
   * What the arrow says on the canvas, in words so colour is never needed: for a step, the
   * endpoints that take it and its kind (`read, write → call`, `order → cacheRead (miss)`); for
   * a source, `requests (endpoint)`; else the kind (`replica`, `node`, `route`).
   */
  label: string;
}

export interface DesignGraph {
  nodes: DesignNode[];
  edges: DesignEdge[];
  columns: number;
  rows: number;
}

export const nodeKey = (ref: ComponentRef): string => `${ref.kind}:${ref.id}`;

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function detailOf(kind: ComponentKind, item: Record<string, unknown>): string {
  switch (kind) {
    case 'source':
      return typeof item.rate === 'number' ? `${item.rate}/s` : String(item.kind ?? '');
    case 'station':
      return typeof item.servers === 'number' ? count(item.servers, 'server') : '';
    case 'cache':
      return count(asList(item.nodes).length, 'node');
    case 'database':
      return count(asList(item.replicas).length, 'replica');
    case 'topic':
      return typeof item.partitions === 'number' ? count(item.partitions, 'partition') : '';
    case 'table':
      return count(asList(item.shards).length, 'shard');
    default:
      return '';
  }
}

/** The kinds each id of the document names (ids are unique per kind, not across kinds). */
function kindsById(doc: DesignDoc): Map<string, Set<ComponentKind>> {
  const kinds = new Map<string, Set<ComponentKind>>();
  for (const [kind, collection] of Object.entries(COLLECTION_OF)) {
    for (const item of itemsOf(doc, collection)) {
      if (typeof item.id !== 'string') continue;
      const set = kinds.get(item.id) ?? new Set<ComponentKind>();
      set.add(kind as ComponentKind);
      kinds.set(item.id, set);
    }
  }
  return kinds;
}

/** The step fields that name another component, and the kinds they may name. */
const STEP_TARGETS: Record<string, readonly ComponentKind[]> = {
  to: ['station'],
  cache: ['cache'],
  loadFrom: ['database', 'station'],
  db: ['database', 'station'],
  topic: ['topic'],
  table: ['table'],
  orders: ['orders'],
};

/**
 * The design as boxes and arrows: every component of the document, the calls its services'
 * endpoints make, and what each component is made of (a cache's nodes, a database's replicas,
 * a topic's consumers). Laid out left to right by hops from the sources, as requests flow.
 */
export function designGraph(doc: DesignDoc): DesignGraph {
  const kinds = kindsById(doc);
  const nodes: Omit<DesignNode, 'column' | 'row'>[] = [];
  const edges: DesignEdge[] = [];
  /** One arrow per (from, to, kind): two endpoints reading one database draw it once. */
  const seen = new Map<string, { edge: DesignEdge; endpoints: string[] }>();
  const add = (kind: ComponentKind, item: Record<string, unknown>) => {
    if (typeof item.id === 'string') {
      nodes.push({
        kind,
        id: item.id,
        key: nodeKey({ kind, id: item.id }),
        detail: detailOf(kind, item),
      });
    }
  };
  const link = (
    from: ComponentRef,
    to: unknown,
    kind: string,
    allowed: readonly ComponentKind[],
    endpoint?: string,
    label = kind,
  ) => {
    if (typeof to !== 'string') return;
    // The first kind allowed wins: a cache's loadFrom names a database before a station.
    const toKind = allowed.find((k) => kinds.get(to)?.has(k));
    if (toKind === undefined) return;
    const edge = { from: nodeKey(from), to: nodeKey({ kind: toKind, id: to }), kind, label };
    const key = `${edge.from}>${edge.to}>${kind}`;
    const known = seen.get(key) ?? { edge, endpoints: [] };
    if (!seen.has(key)) {
      seen.set(key, known);
      edges.push(edge);
    }
    if (endpoint !== undefined && !known.endpoints.includes(endpoint)) {
      known.endpoints.push(endpoint);
      known.edge.label = `${known.endpoints.join(', ')} → ${label}`;
    }
  };

  const group = asRecord(doc.multiActive);
  const centres = asList(group.centres).map(asRecord);
  for (const source of itemsOf(doc, 'sources')) {
    add('source', source);
    const ref = { kind: 'source' as const, id: String(source.id) };
    // What a source sends: requests, to the endpoint it names.
    const label =
      typeof source.endpoint === 'string' ? `requests (${source.endpoint})` : 'requests';
    if (typeof group.id === 'string' && source.target === group.id) {
      for (const centre of centres)
        edges.push({
          from: nodeKey(ref),
          to: nodeKey({ kind: 'centre', id: String(centre.id) }),
          kind: 'source',
          label,
        });
    } else link(ref, source.target, 'source', ['station'], undefined, label);
  }
  for (const centre of centres) {
    add('centre', centre);
    link({ kind: 'centre', id: String(centre.id) }, centre.entry, 'entry', ['station']);
  }
  for (const station of itemsOf(doc, 'stations')) {
    add('station', station);
    const ref = { kind: 'station' as const, id: String(station.id) };
    for (const route of asList(station.routes)) link(ref, asRecord(route).to, 'route', ['station']);
    for (const [endpoint, steps] of Object.entries(asRecord(station.endpoints))) {
      for (const step of asList(steps).map(asRecord)) {
        for (const [field, allowed] of Object.entries(STEP_TARGETS)) {
          const kind = String(step.kind);
          // A cache read's loadFrom is where a miss goes.
          const label = field === 'loadFrom' ? `${kind} (miss)` : kind;
          link(ref, step[field], kind, allowed, endpoint, label);
        }
      }
    }
  }
  for (const cache of itemsOf(doc, 'caches')) {
    add('cache', cache);
    for (const n of asList(cache.nodes))
      link({ kind: 'cache', id: String(cache.id) }, n, 'node', ['station']);
  }
  for (const db of itemsOf(doc, 'databases')) {
    add('database', db);
    const ref = { kind: 'database' as const, id: String(db.id) };
    link(ref, db.master, 'master', ['station']);
    for (const r of asList(db.replicas)) link(ref, r, 'replica', ['station']);
  }
  for (const topic of itemsOf(doc, 'topics')) {
    add('topic', topic);
    for (const c of asList(topic.consumers))
      link({ kind: 'topic', id: String(topic.id) }, c, 'consumer', ['station']);
  }
  for (const table of itemsOf(doc, 'shardedTables')) {
    add('table', table);
    const ref = { kind: 'table' as const, id: String(table.id) };
    for (const s of asList(table.shards)) link(ref, s, 'shard', ['station']);
    link(ref, table.indexTable, 'index', ['station']);
    const search = asRecord(table.searchIndex);
    link(ref, search.station, 'search', ['station']);
    link(ref, search.feed, 'feed', ['topic']);
  }
  for (const flow of itemsOf(doc, 'orders')) {
    add('orders', flow);
    const ref = { kind: 'orders' as const, id: String(flow.id) };
    link(ref, flow.db, 'db', ['database']);
    for (const service of ['rider', 'payment', 'merchant'])
      link(ref, flow[service], service, ['station']);
  }
  return place(nodes, edges);
}

/** Columns by breadth-first hops from the sources; rows in document order within a column. */
function place(nodes: Omit<DesignNode, 'column' | 'row'>[], edges: DesignEdge[]): DesignGraph {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const depth = new Map<string, number>();
  const queue = nodes.filter((n) => n.kind === 'source').map((n) => n.key);
  for (const key of queue) depth.set(key, 0);
  for (let i = 0; i < queue.length; i++) {
    const key = queue[i]!;
    for (const to of out.get(key) ?? []) {
      if (!depth.has(to)) {
        depth.set(to, depth.get(key)! + 1);
        queue.push(to);
      }
    }
  }
  const rowsUsed: number[] = [];
  const placed = nodes.map((n) => {
    const column = depth.get(n.key) ?? (n.kind === 'source' ? 0 : 1);
    const row = rowsUsed[column] ?? 0;
    rowsUsed[column] = row + 1;
    return { ...n, column, row };
  });
  return {
    nodes: placed,
    edges,
    columns: rowsUsed.length,
    rows: Math.max(0, ...rowsUsed.map((r) => r ?? 0)),
  };
}
