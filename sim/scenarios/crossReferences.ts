/**
 * Checks that need the whole document: ids that must exist, ids that must be unique, times that
 * must fall inside the run. They walk the raw input defensively, so they run even when other
 * fields are malformed and the user sees every problem in one go, not one round at a time.
 */
export interface CrossReferenceIssue {
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];
type Doc = Record<string, unknown>;
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const record = (x: unknown): Doc => (x !== null && typeof x === 'object' ? (x as Doc) : {});
const text = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const quoted = (ids: Iterable<string>) => [...ids].map((id) => `"${id}"`).join(', ') || 'none';

/** The ids of one kind of thing (stations, caches, ...): duplicates reported as they are read. */
class Names {
  readonly ids = new Set<string>();

  constructor(
    private readonly issues: CrossReferenceIssue[],
    private readonly label: string,
    private readonly plural: string,
  ) {}

  /** Reads the `id` of each item of `items`, found at `section`. */
  collect(items: unknown, section: Path): this {
    list(items).forEach((raw, i) => {
      const id = text(record(raw).id);
      if (id === undefined) return;
      if (this.ids.has(id)) {
        this.issues.push({
          path: [...section, i, 'id'],
          message: `duplicate ${this.label} id "${id}"`,
        });
      }
      this.ids.add(id);
    });
    return this;
  }

  /** Reports `id` at `path` unless it names one of these. */
  mustExist(id: unknown, path: Path): void {
    const name = text(id);
    if (name !== undefined && !this.ids.has(name)) {
      this.issues.push({
        path,
        message: `unknown ${this.label} "${name}" (${this.plural} are ${quoted(this.ids)})`,
      });
    }
  }
}

export function crossReferenceIssues(input: unknown): CrossReferenceIssue[] {
  const doc = record(input);
  const issues: CrossReferenceIssue[] = [];
  const stations = new Names(issues, 'station', 'stations').collect(doc.stations, ['stations']);
  new Names(issues, 'source', 'sources').collect(doc.sources, ['sources']);
  const caches = new Names(issues, 'cache', 'caches').collect(doc.caches, ['caches']);
  const databases = new Names(issues, 'database', 'databases').collect(doc.databases, [
    'databases',
  ]);
  const topics = new Names(issues, 'topic', 'topics').collect(doc.topics, ['topics']);
  const tables = new Names(issues, 'sharded table', 'sharded tables').collect(doc.shardedTables, [
    'shardedTables',
  ]);
  const orderFlows = new Names(issues, 'order flow', 'order flows').collect(doc.orders, ['orders']);
  const multiActive = record(doc.multiActive);
  const centres = new Names(issues, 'centre', 'centres').collect(multiActive.centres, [
    'multiActive',
    'centres',
  ]);

  const endpointsOf = new Map<string, string[] | undefined>();
  for (const raw of list(doc.stations)) {
    const station = record(raw);
    const id = text(station.id);
    const endpoints = station.endpoints;
    if (id !== undefined) {
      endpointsOf.set(
        id,
        endpoints && typeof endpoints === 'object' ? Object.keys(endpoints) : undefined,
      );
    }
  }
  /** `station` must exist, and so must its `endpoint` when one is named. */
  const target = (station: unknown, endpoint: unknown, stationPath: Path, endpointPath: Path) => {
    stations.mustExist(station, stationPath);
    const id = text(station);
    if (id === undefined || !stations.ids.has(id) || endpoint === undefined) return;
    const names = endpointsOf.get(id);
    if (names === undefined) {
      issues.push({
        path: endpointPath,
        message: `station "${id}" has no endpoints (it has a plain service time)`,
      });
    } else if (typeof endpoint === 'string' && !names.includes(endpoint)) {
      issues.push({
        path: endpointPath,
        message: `unknown endpoint "${endpoint}" of station "${id}" (it has ${quoted(names)})`,
      });
    }
  };

  list(multiActive.centres).forEach((raw, i) => {
    stations.mustExist(record(raw).entry, ['multiActive', 'centres', i, 'entry']);
  });
  const groupId = text(multiActive.id);
  list(doc.sources).forEach((raw, i) => {
    const source = record(raw);
    const viaCentres = groupId !== undefined && source.target === groupId;
    const entry = viaCentres ? record(list(multiActive.centres)[0]).entry : source.target;
    target(entry, source.endpoint, ['sources', i, 'target'], ['sources', i, 'endpoint']);
  });
  list(doc.caches).forEach((raw, i) => {
    list(record(raw).nodes).forEach((node, k) =>
      stations.mustExist(node, ['caches', i, 'nodes', k]),
    );
    if (record(raw).centre !== undefined) {
      centres.mustExist(record(raw).centre, ['caches', i, 'centre']);
    }
  });
  list(doc.databases).forEach((raw, i) => {
    const db = record(raw);
    stations.mustExist(db.master, ['databases', i, 'master']);
    list(db.replicas).forEach((r, k) => stations.mustExist(r, ['databases', i, 'replicas', k]));
  });
  list(doc.topics).forEach((raw, i) => {
    const topic = record(raw);
    list(topic.consumers).forEach((c, k) =>
      target(
        c,
        topic.consumerEndpoint,
        ['topics', i, 'consumers', k],
        ['topics', i, 'consumerEndpoint'],
      ),
    );
  });
  /** A search index's station answers queries itself: it needs a service time, and one table. */
  const searchStations = new Map<string, number>();
  const searchIndex = (search: Doc, table: number) => {
    const path: Path = ['shardedTables', table, 'searchIndex'];
    stations.mustExist(search.station, [...path, 'station']);
    const id = text(search.station);
    if (id !== undefined && stations.ids.has(id)) {
      if (endpointsOf.get(id) !== undefined) {
        issues.push({
          path: [...path, 'station'],
          message: `station "${id}" has endpoints; a search index station needs a service time (it answers the query itself)`,
        });
      } else if (searchStations.has(id)) {
        issues.push({
          path: [...path, 'station'],
          message: `station "${id}" already serves the search index of shardedTables[${searchStations.get(id)}]`,
        });
      }
      searchStations.set(id, searchStations.get(id) ?? table);
    }
    topics.mustExist(search.feed, [...path, 'feed']);
  };
  list(doc.shardedTables).forEach((raw, i) => {
    const sharded = record(raw);
    list(sharded.shards).forEach((s, k) =>
      stations.mustExist(s, ['shardedTables', i, 'shards', k]),
    );
    stations.mustExist(sharded.indexTable, ['shardedTables', i, 'indexTable']);
    if (sharded.searchIndex !== undefined) searchIndex(record(sharded.searchIndex), i);
  });

  /** The services order sagas call: the stations a duplicateCalls fault may hit. */
  const sagaServices = new Set<string>();
  list(doc.orders).forEach((raw, i) => {
    const flow = record(raw);
    databases.mustExist(flow.db, ['orders', i, 'db']);
    for (const service of ['rider', 'payment', 'merchant']) {
      stations.mustExist(flow[service], ['orders', i, service]);
      const id = text(flow[service]);
      if (id !== undefined) sagaServices.add(id);
    }
  });
  /** Stations running a placeOrder step: the order services an instanceCrash may hit. */
  const orderServices = new Set<string>();

  list(doc.tiers).forEach((raw, i) => {
    list(record(raw).stations).forEach((s, k) =>
      stations.mustExist(s, ['tiers', i, 'stations', k]),
    );
  });

  list(doc.stations).forEach((raw, i) => {
    const station = record(raw);
    list(station.routes).forEach((route, r) => {
      stations.mustExist(record(route).to, ['stations', i, 'routes', r, 'to']);
    });
    for (const [name, steps] of Object.entries(record(station.endpoints))) {
      list(steps).forEach((rawStep, k) => {
        const step = record(rawStep);
        const path: Path = ['stations', i, 'endpoints', name, k];
        const at = (field: string): Path => [...path, field];
        const needsKeys = () => {
          if (doc.keys === undefined) {
            issues.push({
              path,
              message: `a ${String(step.kind)} needs "keys" (which keys requests are about)`,
            });
          }
        };
        switch (step.kind) {
          case 'call':
            target(step.to, step.endpoint, at('to'), at('endpoint'));
            break;
          case 'cacheRead':
            caches.mustExist(step.cache, at('cache'));
            // A database's id routes the load like a dbRead (replicas, read-your-writes).
            if (typeof step.loadFrom === 'string' && databases.ids.has(step.loadFrom)) {
              if (step.loadEndpoint !== undefined) {
                issues.push({
                  path: at('loadEndpoint'),
                  message: `loadFrom names the database "${step.loadFrom}", which has no endpoints`,
                });
              }
            } else {
              target(step.loadFrom, step.loadEndpoint, at('loadFrom'), at('loadEndpoint'));
            }
            needsKeys();
            break;
          case 'cachedWrite':
            caches.mustExist(step.cache, at('cache'));
            if (typeof step.db === 'string' && databases.ids.has(step.db)) {
              if (step.dbEndpoint !== undefined) {
                issues.push({
                  path: at('dbEndpoint'),
                  message: `db names the database "${step.db}", which has no endpoints`,
                });
              }
            } else {
              target(step.db, step.dbEndpoint, at('db'), at('dbEndpoint'));
            }
            needsKeys();
            break;
          case 'dbRead':
          case 'dbWrite':
            databases.mustExist(step.db, at('db'));
            needsKeys();
            break;
          case 'publish':
            topics.mustExist(step.topic, at('topic'));
            break;
          case 'shardQuery':
            tables.mustExist(step.table, at('table'));
            break;
          case 'placeOrder':
            orderFlows.mustExist(step.orders, at('orders'));
            if (typeof station.id === 'string') orderServices.add(station.id);
            break;
        }
      });
    }
  });

  const duration = typeof doc.duration === 'number' ? doc.duration : undefined;
  /** A consumer crash names a topic and one of that topic's consumers. */
  const crashedConsumer = (fault: Doc, path: Path) => {
    topics.mustExist(fault.topic, [...path, 'topic']);
    const topic = list(doc.topics)
      .map(record)
      .find((t) => t.id === fault.topic);
    const consumer = text(fault.consumer);
    if (topic === undefined || consumer === undefined) return;
    const consumers = list(topic.consumers).filter((c): c is string => typeof c === 'string');
    if (!consumers.includes(consumer)) {
      issues.push({
        path: [...path, 'consumer'],
        message: `"${consumer}" is not a consumer of topic "${String(fault.topic)}" (its consumers are ${quoted(consumers)})`,
      });
    }
  };
  list(doc.faults).forEach((raw, i) => {
    const fault = record(raw);
    if (fault.kind === 'flushCache') caches.mustExist(fault.cache, ['faults', i, 'cache']);
    else if (fault.kind === 'centreDown') centres.mustExist(fault.centre, ['faults', i, 'centre']);
    else if (fault.kind === 'masterFailover') databases.mustExist(fault.db, ['faults', i, 'db']);
    else if (fault.kind === 'consumerCrash') crashedConsumer(fault, ['faults', i]);
    else stations.mustExist(fault.station, ['faults', i, 'station']);
    const crashed = text(fault.station);
    if (fault.kind === 'instanceCrash' && crashed !== undefined && stations.ids.has(crashed)) {
      if (!orderServices.has(crashed)) {
        issues.push({
          path: ['faults', i, 'station'],
          message: `station "${crashed}" places no orders (an instanceCrash hits a station with a placeOrder step; those are ${quoted(orderServices)})`,
        });
      }
    }
    if (fault.kind === 'duplicateCalls' && crashed !== undefined && stations.ids.has(crashed)) {
      if (!sagaServices.has(crashed)) {
        issues.push({
          path: ['faults', i, 'station'],
          message: `no order saga calls station "${crashed}" (duplicateCalls hits the rider, payment or merchant service of an order flow; those are ${quoted(sagaServices)})`,
        });
      }
    }
    if (duration !== undefined && typeof fault.at === 'number' && fault.at > duration) {
      issues.push({
        path: ['faults', i, 'at'],
        message: `must be within the run (0 to duration = ${duration} s), got ${fault.at}`,
      });
    }
  });
  const warmup = doc.warmup;
  if (duration !== undefined && typeof warmup === 'number' && warmup >= duration) {
    issues.push({
      path: ['warmup'],
      message: `must be less than duration (${duration} s), got ${warmup}`,
    });
  }
  return issues;
}
