import { describe, expect, it } from 'vitest';
import { addCache } from '../../../src/builder/operations/addCache';
import { addDatabase } from '../../../src/builder/operations/addDatabase';
import { addStation } from '../../../src/builder/operations/addStation';
import { addTopic } from '../../../src/builder/operations/addTopic';
import { connect } from '../../../src/builder/operations/connect';
import { applied, preset, refusal, station, tiny } from './builderFixtures';

const stepsOf = (doc: Record<string, unknown>, id: string, endpoint: string) =>
  (station(doc, id)!.endpoints as Record<string, unknown[]>)[endpoint];

describe('connect', () => {
  it('appends a call step to the endpoint of the caller', () => {
    const doc = applied(addStation(tiny()));
    const next = applied(connect(doc, { from: 'api', to: { kind: 'station', id: 'service-1' } }));
    expect(stepsOf(next, 'api', 'get')!.at(-1)).toEqual({ kind: 'call', to: 'service-1' });
  });

  it('reads or writes a database, adding keys when the design has none', () => {
    const doc = applied(addDatabase(tiny(), 1));
    const read = applied(connect(doc, { from: 'api', to: { kind: 'database', id: 'db-1' } }));
    expect(stepsOf(read, 'api', 'get')!.at(-1)).toEqual({ kind: 'dbRead', db: 'db-1' });
    expect(read.keys).toEqual({ count: 100_000, zipf: 1 });
    const write = applied(
      connect(doc, { from: 'api', to: { kind: 'database', id: 'db-1' }, access: 'write' }),
    );
    expect(stepsOf(write, 'api', 'get')!.at(-1)).toEqual({ kind: 'dbWrite', db: 'db-1' });
  });

  it('reads a cache, loading misses from the first database', () => {
    const doc = applied(addCache(applied(addDatabase(tiny(), 1)), 2));
    const next = applied(connect(doc, { from: 'api', to: { kind: 'cache', id: 'cache-1' } }));
    expect(stepsOf(next, 'api', 'get')!.at(-1)).toEqual({
      kind: 'cacheRead',
      cache: 'cache-1',
      loadFrom: 'db-1',
    });
  });

  it('publishes to a topic: a queue between two services', () => {
    const doc = applied(
      addTopic(applied(addStation(tiny())), { partitions: 2, consumer: 'service-1' }),
    );
    const next = applied(connect(doc, { from: 'api', to: { kind: 'topic', id: 'topic-1' } }));
    expect(stepsOf(next, 'api', 'get')!.at(-1)).toEqual({ kind: 'publish', topic: 'topic-1' });
  });

  it('uses the endpoint asked for', () => {
    const next = applied(
      connect(preset('read-write-split'), {
        from: 'api',
        endpoint: 'write',
        to: { kind: 'station', id: 'replica-1' },
      }),
    );
    expect(stepsOf(next, 'api', 'write')).toHaveLength(3);
    expect(stepsOf(next, 'api', 'read')).toHaveLength(2);
  });

  it('refuses what cannot call or be called, saying why', () => {
    expect(refusal(connect(tiny(), { from: 'api', to: { kind: 'station', id: 'api' } }))).toBe(
      'Cannot connect "api" to service "api": a service cannot call itself',
    );
    const rws = preset('read-write-split');
    expect(refusal(connect(rws, { from: 'master', to: { kind: 'station', id: 'api' } }))).toBe(
      'Cannot connect "master" to service "api": "master" has a plain service time and no endpoints, so it calls nothing',
    );
    expect(
      refusal(
        connect(rws, { from: 'api', endpoint: 'nope', to: { kind: 'station', id: 'master' } }),
      ),
    ).toBe(
      'Cannot connect "api" to service "master": "api" has no endpoint "nope" (it has read, write)',
    );
    expect(
      refusal(
        connect(applied(addCache(tiny(), 1)), {
          from: 'api',
          to: { kind: 'cache', id: 'cache-1' },
        }),
      ),
    ).toBe(
      'Cannot connect "api" to cache "cache-1": a cache read loads a missing key from a database: add a database first',
    );
  });
});
