import { describe, expect, it } from 'vitest';
import { designGraph } from '../../../src/builder/designGraph';
import { addTopic } from '../../../src/builder/operations/addTopic';
import { connect } from '../../../src/builder/operations/connect';
import { applied, preset, tiny } from './builderFixtures';

describe('designGraph', () => {
  it('draws a database with its master and replicas, and the steps that read and write it', () => {
    const graph = designGraph(preset('read-write-split'));
    const keys = graph.nodes.map((n) => n.key);
    expect(keys).toContain('database:orders');
    expect(keys).toContain('station:replica-5');
    expect(graph.edges).toContainEqual({
      from: 'station:api',
      to: 'database:orders',
      kind: 'dbRead',
      label: 'read → dbRead',
    });
    expect(graph.edges).toContainEqual({
      from: 'station:api',
      to: 'database:orders',
      kind: 'dbWrite',
      label: 'write → dbWrite',
    });
    expect(graph.edges).toContainEqual({
      from: 'database:orders',
      to: 'station:replica-5',
      kind: 'replica',
      label: 'replica',
    });
    expect(graph.nodes.find((n) => n.key === 'database:orders')!.detail).toBe('5 replicas');
    // Left to right as requests flow: sources, the api, the database, its stations.
    const column = (key: string) => graph.nodes.find((n) => n.key === key)!.column;
    expect([
      column('source:readers'),
      column('station:api'),
      column('database:orders'),
      column('station:master'),
    ]).toEqual([0, 1, 2, 3]);
  });

  it('draws a cache with its nodes and where misses load from', () => {
    const graph = designGraph(preset('cache-flush'));
    expect(graph.edges).toContainEqual({
      from: 'station:api',
      to: 'cache:redis',
      kind: 'cacheRead',
      label: 'order → cacheRead',
    });
    expect(graph.edges).toContainEqual({
      from: 'cache:redis',
      to: 'station:redis-2',
      kind: 'node',
      label: 'node',
    });
    expect(graph.nodes.find((n) => n.key === 'cache:redis')!.detail).toBe('3 nodes');
  });

  it('draws a queue between two services', () => {
    const queued = applied(addTopic(tiny(), { partitions: 3 }));
    const graph = designGraph(
      applied(connect(queued, { from: 'api', to: { kind: 'topic', id: 'topic-1' } })),
    );
    expect(graph.edges).toContainEqual({
      from: 'station:api',
      to: 'topic:topic-1',
      kind: 'publish',
      label: 'get → publish',
    });
    expect(graph.edges).toContainEqual({
      from: 'topic:topic-1',
      to: 'station:topic-1-consumer',
      kind: 'consumer',
      label: 'consumer',
    });
  });

  it('labels each arrow with what it is: endpoints and step kind, a miss, a source', () => {
    const labels = (name: string) =>
      designGraph(preset(name)).edges.map((e) => `${e.from} > ${e.to}: ${e.label}`);
    expect(labels('read-write-split')).toEqual(
      expect.arrayContaining([
        'source:readers > station:api: requests (read)',
        'station:api > database:orders: read → dbRead',
        'station:api > database:orders: write → dbWrite',
        'database:orders > station:master: master',
      ]),
    );
    expect(labels('cache-flush')).toContain(
      'station:api > station:order-db: order → cacheRead (miss)',
    );
    expect(labels('lunch-rush')).toContain('station:gateway > station:order-service: route');
    // Two endpoints taking the same step to the same place: one arrow, both named.
    const doc = tiny();
    const api = (doc.stations as { endpoints: Record<string, unknown[]> }[])[0]!;
    api.endpoints.list = [{ kind: 'call', to: 'api' }];
    api.endpoints.get = [{ kind: 'call', to: 'api' }];
    expect(designGraph(doc).edges).toEqual([
      { from: 'source:users', to: 'station:api', kind: 'source', label: 'requests' },
      { from: 'station:api', to: 'station:api', kind: 'call', label: 'get, list → call' },
    ]);
  });

  it('draws data centres between the sources and their entry stations', () => {
    const graph = designGraph(preset('multi-active'));
    const centres = graph.nodes.filter((n) => n.kind === 'centre');
    expect(centres.length).toBeGreaterThan(1);
    for (const centre of centres) {
      expect(graph.edges.some((e) => e.to === centre.key && e.kind === 'source')).toBe(true);
      expect(graph.edges.some((e) => e.from === centre.key && e.kind === 'entry')).toBe(true);
    }
  });

  it('places every node of every preset once, in a column and row of its own', () => {
    for (const name of ['lunch-peak', 'sharding', 'compensation', 'queue-smoothing']) {
      const graph = designGraph(preset(name));
      const cells = new Set(graph.nodes.map((n) => `${n.column}:${n.row}`));
      expect(cells.size).toBe(graph.nodes.length);
      expect(new Set(graph.nodes.map((n) => n.key)).size).toBe(graph.nodes.length);
    }
  });
});
