import { describe, expect, it } from 'vitest';
import { addDatabase } from '../../../src/builder/operations/addDatabase';
import { addTopic } from '../../../src/builder/operations/addTopic';
import { removeComponent } from '../../../src/builder/operations/removeComponent';
import { applied, item, preset, refusal, station, tiny } from './builderFixtures';

describe('removeComponent', () => {
  it('refuses a station others refer to, naming each referrer', () => {
    const message = refusal(
      removeComponent(preset('read-write-split'), { kind: 'station', id: 'api' }),
    );
    expect(message).toBe(
      'Cannot remove service "api": it is referred to by sources[0].target (in "readers"), sources[1].target (in "writers")',
    );
  });

  it('refuses a database read by a service, naming the steps', () => {
    const message = refusal(
      removeComponent(preset('read-write-split'), { kind: 'database', id: 'orders' }),
    );
    expect(message).toBe(
      'Cannot remove database "orders": it is referred to by stations[0].endpoints.read[1].db (in "api"), stations[0].endpoints.write[1].db (in "api")',
    );
  });

  it('removes a cache that nothing reads, with its node stations', () => {
    const doc = preset('cache-flush');
    const steps = (station(doc, 'api')!.endpoints as Record<string, unknown[]>).order!;
    steps.pop();
    doc.faults = [];
    const next = applied(removeComponent(doc, { kind: 'cache', id: 'redis' }));
    expect(next.caches).toEqual([]);
    for (const node of ['redis-0', 'redis-1', 'redis-2'])
      expect(station(next, node)).toBeUndefined();
  });

  it("removes a database with its master and replicas, keeping a topic consumer's own service", () => {
    const withDb = applied(addDatabase(tiny(), 2));
    const next = applied(removeComponent(withDb, { kind: 'database', id: 'db-1' }));
    expect(next.stations).toEqual(tiny().stations);
    const queued = applied(addTopic(tiny(), { partitions: 2, consumer: 'api' }));
    const without = applied(removeComponent(queued, { kind: 'topic', id: 'topic-1' }));
    expect(station(without, 'api')).toBeDefined(); // users still call it
    expect(item(without, 'topics', 'topic-1')).toBeUndefined();
  });

  it('refuses to remove the last source with the validator message', () => {
    expect(refusal(removeComponent(tiny(), { kind: 'source', id: 'users' }))).toBe(
      'Cannot remove source "users": sources: needs at least one source',
    );
  });

  it('says so when there is no such component', () => {
    expect(refusal(removeComponent(tiny(), { kind: 'cache', id: 'x' }))).toBe(
      'Cannot remove cache "x": there is none',
    );
  });
});
