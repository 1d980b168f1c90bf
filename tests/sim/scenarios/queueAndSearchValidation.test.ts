import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../sim/scenarios/validateScenario';
import { fixed, scenario } from '../../helpers/scenarioBuilder';

type Doc = ReturnType<ReturnType<typeof scenario>['input']>;

/** A topic consumed by c1 and c2, and an orders table with a search index fed by it. */
const valid = (): Doc => {
  const doc = scenario('ok')
    .keys(100, 0)
    .topic({ id: 'changes', partitions: 2, consumers: ['c1', 'c2'] })
    .station({
      id: 'api',
      servers: 2,
      endpoints: {
        search: [{ kind: 'shardQuery', table: 'orders', by: 'otherKey' }],
        write: [{ kind: 'publish', topic: 'changes' }],
      },
    })
    .station({ id: 'c1', servers: 1, service: fixed(0.01) })
    .station({ id: 'c2', servers: 1, service: fixed(0.01) })
    .station({ id: 'search', servers: 1, service: fixed(0.01) })
    .station({ id: 'shard', servers: 1, service: fixed(0.01) })
    .poisson('users', 'api', 5)
    .fault({ kind: 'consumerCrash', at: 10, topic: 'changes', consumer: 'c1' })
    .input();
  doc.shardedTables = [
    {
      id: 'orders',
      shards: ['shard'],
      searchIndex: { station: 'search', feed: 'changes', lag: fixed(1) },
    },
  ];
  return doc;
};

function errorsOf(doc: Doc): string[] {
  const result = validateScenario(doc);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.errors;
}

describe('validation of offset commits, consumer crashes and search indexes', () => {
  it('accepts the valid document, filling the Kafka defaults', () => {
    const result = validateScenario(valid());
    expect(result.ok ? 'ok' : result.errors.join('; ')).toBe('ok');
    if (!result.ok) return;
    expect(result.scenario.topics[0]!.commitInterval).toBe(5);
    expect(result.scenario.topics[0]!.commitBatch).toBeUndefined();
    expect(result.scenario.faults[0]).toMatchObject({ kind: 'consumerCrash', restartDelay: 45 });
  });

  it('names the commit settings out of range', () => {
    const doc = valid();
    doc.topics![0]!.commitInterval = 0;
    doc.topics![0]!.commitBatch = 2.5;
    expect(errorsOf(doc)).toEqual([
      'topics[0].commitInterval: must be a number from 0.001 to 86400 s, got 0',
      'topics[0].commitBatch: must be an integer from 1 to 1000000, got 2.5',
    ]);
  });

  it('names a crash of an unknown topic, of a station that is not its consumer, a negative delay', () => {
    const doc = valid();
    doc.faults = [
      { kind: 'consumerCrash', at: 10, topic: 'chnages', consumer: 'c1' },
      { kind: 'consumerCrash', at: 10, topic: 'changes', consumer: 'api' },
      { kind: 'consumerCrash', at: 10, topic: 'changes', consumer: 'c2', restartDelay: -1 },
    ];
    expect(errorsOf(doc)).toEqual([
      'faults[2].restartDelay: must be a number >= 0 s, got -1',
      'faults[0].topic: unknown topic "chnages" (topics are "changes")',
      'faults[1].consumer: "api" is not a consumer of topic "changes" (its consumers are "c1", "c2")',
    ]);
  });

  it('names a search index on a station with endpoints and an unknown feed', () => {
    const doc = valid();
    doc.shardedTables![0]!.searchIndex = { station: 'api', feed: 'orders-feed' };
    expect(errorsOf(doc)).toEqual([
      'shardedTables[0].searchIndex.station: station "api" has endpoints; a search index station needs a service time (it answers the query itself)',
      'shardedTables[0].searchIndex.feed: unknown topic "orders-feed" (topics are "changes")',
    ]);
  });

  it('refuses an index table and a search index on one table, and one index for two tables', () => {
    const doc = valid();
    doc.shardedTables![0]!.indexTable = 'search';
    doc.shardedTables!.push({
      id: 'payments',
      shards: ['shard'],
      searchIndex: { station: 'search', feed: 'changes', lag: fixed(1) },
    });
    expect(errorsOf(doc)).toEqual([
      'shardedTables[0].searchIndex: give at most one of "indexTable" and "searchIndex" (both answer queries by another key)',
      'shardedTables[1].searchIndex.station: station "search" already serves the search index of shardedTables[0]',
    ]);
  });
});
