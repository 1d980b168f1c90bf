/**
 * Checks that need the whole document: ids that must exist, ids that must be unique, times that
 * must fall inside the run. They walk the raw input defensively, so they run even when other
 * fields are malformed and the user sees every problem in one go, not one round at a time.
 */
export interface CrossReferenceIssue {
  path: (string | number)[];
  message: string;
}

type Doc = Record<string, unknown>;
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const record = (x: unknown): Doc => (x !== null && typeof x === 'object' ? (x as Doc) : {});
const text = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

export function crossReferenceIssues(input: unknown): CrossReferenceIssue[] {
  const doc = record(input);
  const issues: CrossReferenceIssue[] = [];
  const stationIds = new Set<string>();
  list(doc.stations).forEach((raw, i) => {
    const id = text(record(raw).id);
    if (id === undefined) return;
    if (stationIds.has(id))
      issues.push({ path: ['stations', i, 'id'], message: `duplicate station id "${id}"` });
    stationIds.add(id);
  });
  const known = [...stationIds].map((id) => `"${id}"`).join(', ') || 'none';
  const mustExist = (id: string | undefined, path: (string | number)[]) => {
    if (id !== undefined && !stationIds.has(id)) {
      issues.push({ path, message: `unknown station "${id}" (stations are ${known})` });
    }
  };
  const endpointsOf = new Map<string, string[] | undefined>();
  list(doc.stations).forEach((raw) => {
    const station = record(raw);
    const id = text(station.id);
    const endpoints = station.endpoints;
    if (id !== undefined) {
      endpointsOf.set(
        id,
        endpoints && typeof endpoints === 'object' ? Object.keys(endpoints) : undefined,
      );
    }
  });
  const endpointMustExist = (
    station: string | undefined,
    endpoint: unknown,
    path: (string | number)[],
  ) => {
    if (station === undefined || !stationIds.has(station) || endpoint === undefined) return;
    const names = endpointsOf.get(station);
    if (names === undefined) {
      issues.push({
        path,
        message: `station "${station}" has no endpoints (it has a plain service time)`,
      });
    } else if (typeof endpoint === 'string' && !names.includes(endpoint)) {
      issues.push({
        path,
        message: `unknown endpoint "${endpoint}" of station "${station}" (it has ${names.map((n) => `"${n}"`).join(', ')})`,
      });
    }
  };
  const multiActive = record(doc.multiActive);
  const groupId = text(multiActive.id);
  const centreIds = new Set<string>();
  list(multiActive.centres).forEach((raw, i) => {
    const centre = record(raw);
    const id = text(centre.id);
    if (id !== undefined && centreIds.has(id)) {
      issues.push({
        path: ['multiActive', 'centres', i, 'id'],
        message: `duplicate centre id "${id}"`,
      });
    }
    if (id !== undefined) centreIds.add(id);
    mustExist(text(centre.entry), ['multiActive', 'centres', i, 'entry']);
  });
  const sourceIds = new Set<string>();
  list(doc.sources).forEach((raw, i) => {
    const source = record(raw);
    const id = text(source.id);
    if (id !== undefined && sourceIds.has(id)) {
      issues.push({ path: ['sources', i, 'id'], message: `duplicate source id "${id}"` });
    }
    if (id !== undefined) sourceIds.add(id);
    if (groupId !== undefined && source.target === groupId) {
      const firstEntry = text(record(list(multiActive.centres)[0]).entry);
      endpointMustExist(firstEntry, source.endpoint, ['sources', i, 'endpoint']);
    } else {
      mustExist(text(source.target), ['sources', i, 'target']);
      endpointMustExist(text(source.target), source.endpoint, ['sources', i, 'endpoint']);
    }
  });
  list(doc.stations).forEach((raw, i) => {
    list(record(raw).routes).forEach((route, r) => {
      mustExist(text(record(route).to), ['stations', i, 'routes', r, 'to']);
    });
    const endpoints = record(record(raw).endpoints);
    for (const [name, steps] of Object.entries(endpoints)) {
      list(steps).forEach((rawStep, k) => {
        const step = record(rawStep);
        if (step.kind !== 'call') return;
        const path = ['stations', i, 'endpoints', name, k];
        mustExist(text(step.to), [...path, 'to']);
        endpointMustExist(text(step.to), step.endpoint, [...path, 'endpoint']);
      });
    }
  });
  const cacheIds = new Set<string>();
  list(doc.caches).forEach((raw, i) => {
    const cache = record(raw);
    const id = text(cache.id);
    if (id !== undefined && cacheIds.has(id)) {
      issues.push({ path: ['caches', i, 'id'], message: `duplicate cache id "${id}"` });
    }
    if (id !== undefined) cacheIds.add(id);
    list(cache.nodes).forEach((node, k) => mustExist(text(node), ['caches', i, 'nodes', k]));
  });
  const knownCaches = [...cacheIds].map((id) => `"${id}"`).join(', ') || 'none';
  const cacheMustExist = (id: string | undefined, path: (string | number)[]) => {
    if (id !== undefined && !cacheIds.has(id)) {
      issues.push({ path, message: `unknown cache "${id}" (caches are ${knownCaches})` });
    }
  };
  list(doc.stations).forEach((raw, i) => {
    for (const [name, steps] of Object.entries(record(record(raw).endpoints))) {
      list(steps).forEach((rawStep, k) => {
        const step = record(rawStep);
        const path = ['stations', i, 'endpoints', name, k];
        if (step.kind === 'cachedWrite') {
          cacheMustExist(text(step.cache), [...path, 'cache']);
          mustExist(text(step.db), [...path, 'db']);
          endpointMustExist(text(step.db), step.dbEndpoint, [...path, 'dbEndpoint']);
        }
        if (step.kind !== 'cacheRead' && step.kind !== 'cachedWrite') return;
        if (step.kind === 'cacheRead') {
          cacheMustExist(text(step.cache), [...path, 'cache']);
          mustExist(text(step.loadFrom), [...path, 'loadFrom']);
          endpointMustExist(text(step.loadFrom), step.loadEndpoint, [...path, 'loadEndpoint']);
        }
        if (doc.keys === undefined) {
          issues.push({
            path,
            message: 'a cacheRead needs "keys" (which keys requests are about)',
          });
        }
      });
    }
  });
  const databaseIds = new Set<string>();
  list(doc.databases).forEach((raw, i) => {
    const db = record(raw);
    const id = text(db.id);
    if (id !== undefined && databaseIds.has(id)) {
      issues.push({ path: ['databases', i, 'id'], message: `duplicate database id "${id}"` });
    }
    if (id !== undefined) databaseIds.add(id);
    mustExist(text(db.master), ['databases', i, 'master']);
    list(db.replicas).forEach((replica, k) =>
      mustExist(text(replica), ['databases', i, 'replicas', k]),
    );
  });
  const knownDatabases = [...databaseIds].map((id) => `"${id}"`).join(', ') || 'none';
  list(doc.stations).forEach((raw, i) => {
    for (const [name, steps] of Object.entries(record(record(raw).endpoints))) {
      list(steps).forEach((rawStep, k) => {
        const step = record(rawStep);
        if (step.kind !== 'dbRead' && step.kind !== 'dbWrite') return;
        const id = text(step.db);
        if (id !== undefined && !databaseIds.has(id)) {
          issues.push({
            path: ['stations', i, 'endpoints', name, k, 'db'],
            message: `unknown database "${id}" (databases are ${knownDatabases})`,
          });
        }
        if (doc.keys === undefined) {
          issues.push({
            path: ['stations', i, 'endpoints', name, k],
            message: `a ${String(step.kind)} needs "keys" (which keys requests are about)`,
          });
        }
      });
    }
  });
  const topicIds = new Set<string>();
  list(doc.topics).forEach((raw, i) => {
    const topic = record(raw);
    const id = text(topic.id);
    if (id !== undefined && topicIds.has(id)) {
      issues.push({ path: ['topics', i, 'id'], message: `duplicate topic id "${id}"` });
    }
    if (id !== undefined) topicIds.add(id);
    list(topic.consumers).forEach((c, k) => {
      mustExist(text(c), ['topics', i, 'consumers', k]);
      endpointMustExist(text(c), topic.consumerEndpoint, ['topics', i, 'consumerEndpoint']);
    });
  });
  const knownTopics = [...topicIds].map((id) => `"${id}"`).join(', ') || 'none';
  list(doc.stations).forEach((raw, i) => {
    for (const [name, steps] of Object.entries(record(record(raw).endpoints))) {
      list(steps).forEach((rawStep, k) => {
        const step = record(rawStep);
        const id = text(step.topic);
        if (step.kind === 'publish' && id !== undefined && !topicIds.has(id)) {
          issues.push({
            path: ['stations', i, 'endpoints', name, k, 'topic'],
            message: `unknown topic "${id}" (topics are ${knownTopics})`,
          });
        }
      });
    }
  });
  const tableIds = new Set<string>();
  list(doc.shardedTables).forEach((raw, i) => {
    const sharded = record(raw);
    const id = text(sharded.id);
    if (id !== undefined && tableIds.has(id)) {
      issues.push({
        path: ['shardedTables', i, 'id'],
        message: `duplicate sharded table id "${id}"`,
      });
    }
    if (id !== undefined) tableIds.add(id);
    list(sharded.shards).forEach((s, k) => mustExist(text(s), ['shardedTables', i, 'shards', k]));
    mustExist(text(sharded.indexTable), ['shardedTables', i, 'indexTable']);
  });
  const knownTables = [...tableIds].map((id) => `"${id}"`).join(', ') || 'none';
  list(doc.stations).forEach((raw, i) => {
    for (const [name, steps] of Object.entries(record(record(raw).endpoints))) {
      list(steps).forEach((rawStep, k) => {
        const step = record(rawStep);
        if (step.kind !== 'shardQuery') return;
        const id = text(step.table);
        if (id !== undefined && !tableIds.has(id)) {
          issues.push({
            path: ['stations', i, 'endpoints', name, k, 'table'],
            message: `unknown sharded table "${id}" (sharded tables are ${knownTables})`,
          });
        }
      });
    }
  });
  const duration = typeof doc.duration === 'number' ? doc.duration : undefined;
  list(doc.faults).forEach((raw, i) => {
    const fault = record(raw);
    if (fault.kind === 'flushCache') cacheMustExist(text(fault.cache), ['faults', i, 'cache']);
    else if (fault.kind === 'centreDown') {
      const id = text(fault.centre);
      if (id !== undefined && !centreIds.has(id)) {
        const known = [...centreIds].map((c) => `"${c}"`).join(', ') || 'none (no multiActive)';
        issues.push({
          path: ['faults', i, 'centre'],
          message: `unknown centre "${id}" (centres are ${known})`,
        });
      }
    } else mustExist(text(fault.station), ['faults', i, 'station']);
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
