/** The parts of a scenario the topology needs (a validated Scenario fits). */
export interface TopologyInput {
  sources: readonly { id: string; target: string }[];
  stations: readonly {
    id: string;
    routes?: readonly { to: string; p: number }[];
    /** Endpoint steps; any of their fields may name a station or a collection item. */
    endpoints?: Readonly<Record<string, readonly object[]>> | undefined;
  }[];
  /** Other top-level collections (caches, databases, topics, sharded tables...). */
  [collection: string]: unknown;
}

export interface TopologyNode {
  id: string;
  kind: 'source' | 'station';
  /** Sources in column 0; a station in 1 + its depth (hops from the nearest source). */
  column: number;
  row: number;
}

export interface TopologyEdge {
  /** Source ids and station ids may coincide, so an edge says which kind it starts from. */
  fromKind: 'source' | 'station';
  from: string;
  to: string;
  /** 'source', 'route', or the endpoint step kind that makes the call ('call', 'cacheRead'...). */
  kind: string;
  /** Route probability; null for every other kind of edge. */
  p: number | null;
  /** The edge goes to the same or an earlier column (a loop or a retry path). */
  back: boolean;
  /**
   * The collection item the call goes through, as "<collection>:<id>" ("topics:orders"), when
   * the step names one rather than the station itself; absent otherwise.
   */
  via?: string;
}

export interface Topology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  columns: number;
  rows: number;
}

type Link = Pick<TopologyEdge, 'to' | 'kind' | 'p' | 'via'>;

/** A collection item's station ids, and the item as "<collection>:<id>". */
interface Members {
  item: string;
  stations: string[];
}

/**
 * Items of the scenario's other collections by id, each with the station ids it names (a cache's
 * nodes, a database's master and replicas, a topic's consumers, a table's shards). Read
 * generically, so a new kind of collection draws its edges without a change here.
 */
function collectionMembers(input: TopologyInput, stationIds: Set<string>): Map<string, Members> {
  const members = new Map<string, Members>();
  const items: [string, object][] = [];
  for (const [key, value] of Object.entries(input)) {
    if (key === 'sources' || key === 'stations' || !Array.isArray(value)) continue;
    for (const item of value as unknown[]) {
      if (!item || typeof item !== 'object') continue;
      const id = (item as { id?: unknown }).id;
      if (typeof id !== 'string') continue;
      members.set(id, { item: `${key}:${id}`, stations: stationNames(item, stationIds) });
      items.push([id, item]);
    }
  }
  // An item may name another (an order flow its database): it reaches that one's stations too,
  // as the flow's saga writes to the database's master.
  const direct = new Map([...members].map(([id, m]) => [id, m.stations]));
  for (const [id, item] of items) {
    const stations = members.get(id)!.stations;
    for (const [key, value] of Object.entries(item)) {
      if (key === 'id' || typeof value !== 'string' || value === id) continue;
      for (const station of direct.get(value) ?? []) {
        if (!stations.includes(station)) stations.push(station);
      }
    }
  }
  return members;
}

/** Station ids among an object's string and string-array fields (one level deep). */
function stationNames(item: object, stationIds: Set<string>): string[] {
  const names: string[] = [];
  for (const [key, value] of Object.entries(item)) {
    if (key === 'id') continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' && stationIds.has(v) && !names.includes(v)) names.push(v);
    }
  }
  return names;
}

/** Where a station sends work: its routes, and the stations its endpoint steps call. */
function linksOf(
  station: TopologyInput['stations'][number],
  stationIds: Set<string>,
  members: Map<string, Members>,
): Link[] {
  const links: Link[] = (station.routes ?? []).map((r) => ({ to: r.to, kind: 'route', p: r.p }));
  const seen = new Set<string>();
  for (const steps of Object.values(station.endpoints ?? {})) {
    for (const step of steps) {
      const kind = String((step as { kind?: unknown }).kind ?? 'call');
      for (const [key, value] of Object.entries(step)) {
        if (key === 'kind' || typeof value !== 'string') continue;
        const through = stationIds.has(value) ? undefined : members.get(value);
        const targets = through ? through.stations : stationIds.has(value) ? [value] : [];
        for (const to of targets) {
          if (to === station.id || seen.has(`${kind}:${to}`)) continue;
          seen.add(`${kind}:${to}`);
          links.push({ to, kind, p: null, ...(through && { via: through.item }) });
        }
      }
    }
  }
  return links;
}

/**
 * The stations a source's requests enter at: its target, or, when it targets the multi-active
 * deployment, each data centre's entry (users are routed to their unit's centre).
 */
function entriesOf(input: TopologyInput, target: string): string[] {
  const multi = input.multiActive as { id?: unknown; centres?: { entry?: unknown }[] } | undefined;
  if (multi?.id !== target || !Array.isArray(multi.centres)) return [target];
  return multi.centres.flatMap((c) => (typeof c.entry === 'string' ? [c.entry] : []));
}

/**
 * Lays stations left to right by depth (breadth-first from the sources' targets along routes and
 * dependency calls), so a request flows left to right. Stations nothing reaches sit in the first
 * station column.
 */
export function layoutTopology(input: TopologyInput): Topology {
  const stationIds = new Set(input.stations.map((s) => s.id));
  const members = collectionMembers(input, stationIds);
  const links = new Map(
    input.stations.map((s) => [
      s.id,
      linksOf(s, stationIds, members).filter((l) => stationIds.has(l.to)),
    ]),
  );
  const depth = new Map<string, number>();
  const queue: string[] = [];
  for (const source of input.sources) {
    for (const target of entriesOf(input, source.target)) {
      if (!depth.has(target)) {
        depth.set(target, 0);
        queue.push(target);
      }
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const link of links.get(id) ?? []) {
      if (!depth.has(link.to)) {
        depth.set(link.to, depth.get(id)! + 1);
        queue.push(link.to);
      }
    }
  }
  const rowsUsed: number[] = [];
  const place = (column: number) => {
    const row = rowsUsed[column] ?? 0;
    rowsUsed[column] = row + 1;
    return row;
  };
  const nodes: TopologyNode[] = [
    ...input.sources.map((s) => ({ id: s.id, kind: 'source' as const, column: 0, row: place(0) })),
    ...input.stations.map((s) => {
      const column = 1 + (depth.get(s.id) ?? 0);
      return { id: s.id, kind: 'station' as const, column, row: place(column) };
    }),
  ];
  const columnOf = new Map(nodes.filter((n) => n.kind === 'station').map((n) => [n.id, n.column]));
  const edges: TopologyEdge[] = [
    ...input.sources.flatMap((s) =>
      entriesOf(input, s.target).map((to) => ({
        fromKind: 'source' as const,
        from: s.id,
        to,
        kind: 'source' as const,
        p: null,
        back: false,
      })),
    ),
    ...input.stations.flatMap((s) =>
      (links.get(s.id) ?? []).map((link) => ({
        fromKind: 'station' as const,
        from: s.id,
        ...link,
        back: (columnOf.get(link.to) ?? 0) <= (columnOf.get(s.id) ?? 0),
      })),
    ),
  ];
  return {
    nodes,
    edges,
    columns: Math.max(0, ...nodes.map((n) => n.column + 1)),
    rows: Math.max(0, ...rowsUsed),
  };
}
