import { describe, expect, it } from 'vitest';
import { addCache } from '../../../src/builder/operations/addCache';
import { addDatabase } from '../../../src/builder/operations/addDatabase';
import { addStation } from '../../../src/builder/operations/addStation';
import { addSource } from '../../../src/builder/operations/addSource';
import { addTopic } from '../../../src/builder/operations/addTopic';
import { applied, item, preset, refusal, station, tiny } from './builderFixtures';

describe('addStation', () => {
  it('adds a service with an endpoint and a fresh id, leaving the input unchanged', () => {
    const doc = tiny();
    const before = JSON.stringify(doc);
    const result = addStation(doc);
    const next = applied(result);
    expect(JSON.stringify(doc)).toBe(before);
    expect(result.ok && result.selected).toEqual({ kind: 'station', id: 'service-1' });
    expect(Object.keys(station(next, 'service-1')!.endpoints as object)).toEqual(['handle']);
    expect(applied(addStation(next)).stations).toHaveLength(3);
    expect(station(applied(addStation(next)), 'service-2')).toBeDefined();
  });
});

describe('addCache', () => {
  it('adds a cache with N node stations', () => {
    const next = applied(addCache(tiny(), 3));
    expect(item(next, 'caches', 'cache-1')!.nodes).toEqual([
      'cache-1-node-1',
      'cache-1-node-2',
      'cache-1-node-3',
    ]);
    for (const node of ['cache-1-node-1', 'cache-1-node-2', 'cache-1-node-3']) {
      expect(station(next, node)!.service).toBeDefined();
    }
  });

  it('refuses a node count outside 1 to 16, naming the range', () => {
    expect(refusal(addCache(tiny(), 0))).toBe('Cache nodes must be an integer from 1 to 16, got 0');
    expect(refusal(addCache(tiny(), NaN))).toContain('from 1 to 16');
  });

  it('takes an id no other kind uses', () => {
    const next = applied(addCache(preset('cache-flush'), 2));
    expect((next.caches as unknown[]).length).toBe(2);
    expect(item(next, 'caches', 'cache-1')).toBeDefined();
  });
});

describe('addDatabase', () => {
  it('adds a master and N replicas', () => {
    const next = applied(addDatabase(tiny(), 2));
    expect(item(next, 'databases', 'db-1')).toEqual({
      id: 'db-1',
      master: 'db-1-master',
      replicas: ['db-1-replica-1', 'db-1-replica-2'],
    });
    expect(station(next, 'db-1-master')!.servers).toBe(32);
  });

  it('allows none, refuses a negative count', () => {
    expect(item(applied(addDatabase(tiny(), 0)), 'databases', 'db-1')!.replicas).toEqual([]);
    expect(refusal(addDatabase(tiny(), -1))).toBe(
      'Replicas must be an integer from 0 to 16, got -1',
    );
  });
});

describe('addTopic', () => {
  it('adds a topic with its own consumer service', () => {
    const next = applied(addTopic(tiny(), { partitions: 4 }));
    expect(item(next, 'topics', 'topic-1')).toEqual({
      id: 'topic-1',
      partitions: 4,
      consumers: ['topic-1-consumer'],
      consumerEndpoint: 'consume',
    });
  });

  it('puts a queue in front of an existing service, on its first endpoint', () => {
    const next = applied(addTopic(tiny(), { partitions: 2, consumer: 'api' }));
    expect(item(next, 'topics', 'topic-1')).toEqual({
      id: 'topic-1',
      partitions: 2,
      consumers: ['api'],
      consumerEndpoint: 'get',
    });
    expect(next.stations).toHaveLength(1);
  });

  it('refuses an unknown consumer and a bad partition count', () => {
    expect(refusal(addTopic(tiny(), { partitions: 2, consumer: 'nope' }))).toBe(
      'Cannot add a topic: no service "nope"',
    );
    expect(refusal(addTopic(tiny(), { partitions: 1.5 }))).toBe(
      'Partitions must be an integer from 1 to 64, got 1.5',
    );
  });
});

describe('addSource', () => {
  it('sends Poisson requests to a service', () => {
    const next = applied(addSource(applied(addStation(tiny())), 'service-1', 50));
    expect(item(next, 'sources', 'users-1')).toEqual({
      id: 'users-1',
      kind: 'poisson',
      target: 'service-1',
      rate: 50,
    });
  });

  it('refuses a rate out of range and an unknown service', () => {
    expect(refusal(addSource(tiny(), 'api', 0))).toBe(
      'Rate must be a number > 0 and <= 1000000 requests/s, got 0',
    );
    expect(refusal(addSource(tiny(), 'nope', 5))).toBe('Cannot add a source: no service "nope"');
  });
});
