import { describe, expect, it } from 'vitest';
import { fixed, scenario } from '../../../helpers/scenarioBuilder';
import { checked } from '../../../../sim/scenarios/runScenario';
import { Simulation } from '../../../../sim/scenarios/simulation';
import { buildRunReport } from '../../../../sim/metrics/runReport';
import { SIGMAS } from '../../../helpers/statistics';

type Doc = ReturnType<ReturnType<typeof scenario>['input']>;
type Source = Doc['sources'][number];

/**
 * An orders table on two shards whose merchant queries (by another key than the shard key) go to
 * a search index fed by the "order-changes" topic: the write endpoint publishes each change, an
 * indexer consumes it, and searches see it `lag` seconds after that. One key, so every write and
 * every search is about the same row.
 */
function searchScenario(options: {
  writes: Source;
  reads: Source;
  lag: number;
  indexerTime?: number;
  duration?: number;
  searchIndex?: boolean;
}) {
  const doc = scenario('search')
    .lasting(options.duration ?? 30)
    .keys(1, 0)
    .topic({ id: 'order-changes', partitions: 1, consumers: ['indexer'] })
    .station({
      id: 'order-api',
      servers: 10,
      endpoints: {
        'merchant-orders': [{ kind: 'shardQuery', table: 'orders', by: 'otherKey' }],
        place: [
          { kind: 'shardQuery', table: 'orders', by: 'shardKey' },
          { kind: 'publish', topic: 'order-changes' },
        ],
      },
    })
    .station({ id: 'indexer', servers: 1, service: fixed(options.indexerTime ?? 0) })
    .station({ id: 'order-search', servers: 4, service: fixed(0.001) })
    .station({ id: 'order-index', servers: 4, service: fixed(0.001) })
    .station({ id: 'shard-0', servers: 4, service: fixed(0.001) })
    .station({ id: 'shard-1', servers: 4, service: fixed(0.001) })
    .source(options.writes)
    .source(options.reads)
    .input();
  doc.shardedTables = [
    {
      id: 'orders',
      shards: ['shard-0', 'shard-1'],
      ...(options.searchIndex === false
        ? { indexTable: 'order-index' }
        : {
            searchIndex: {
              station: 'order-search',
              feed: 'order-changes',
              lag: { type: 'deterministic', value: options.lag },
            },
          }),
    },
  ];
  const sim = new Simulation(checked(doc).scenario);
  sim.runToEnd();
  return { sim, report: buildRunReport(sim, 0, []) };
}

const at = (id: string, endpoint: string, ...times: number[]): Source => ({
  id,
  kind: 'poisson',
  target: 'order-api',
  endpoint,
  rate: 0,
  batches: times.map((t) => ({ at: t, count: 1 })),
});

describe('search index on a sharded table', () => {
  it('a query by another key costs one call, to the index station, and no shard call', () => {
    const { sim, report } = searchScenario({
      writes: at('writes', 'place', 10),
      reads: at('reads', 'merchant-orders', 9, 11, 13, 20),
      lag: 2,
    });
    const station = (id: string) => sim.stations.find((s) => s.id === id)!;
    const table = report.shardedTables.orders!;
    expect(station('order-search').arrivals).toBe(4);
    expect(table.searchQueries).toBe(4);
    expect(table.callsPerOtherKeyQuery).toBe(1);
    // The only shard call is the write's; the global index table is not asked.
    expect(station('shard-0').arrivals + station('shard-1').arrivals).toBe(1);
    expect(station('order-index').arrivals).toBe(0);
    expect(report.sources.reads!.successes).toBe(4);
  });

  it('the global index table instead costs a lookup and a shard call, and is never stale', () => {
    const { report } = searchScenario({
      writes: at('writes', 'place', 10),
      reads: at('reads', 'merchant-orders', 9, 11, 13, 20),
      lag: 2,
      searchIndex: false,
    });
    expect(report.shardedTables.orders!.callsPerOtherKeyQuery).toBe(2);
    expect(report.shardedTables.orders!.staleSearchResults).toBe(0);
  });

  it('a search less than the lag after a write misses it; one after the lag sees it', () => {
    // Written at 10, indexed at once, searchable from 12: the search at 11 is the stale one.
    const { report } = searchScenario({
      writes: at('writes', 'place', 10),
      reads: at('reads', 'merchant-orders', 9, 11, 13, 20),
      lag: 2,
    });
    expect(report.shardedTables.orders!.staleSearchResults).toBe(1);
  });

  it("the feed's consumer lag adds to the index lag", () => {
    // The indexer takes 1.5 s, so the write is searchable from 13.5, and the search at 13 too
    // misses it.
    const { report } = searchScenario({
      writes: at('writes', 'place', 10),
      reads: at('reads', 'merchant-orders', 9, 11, 13, 20),
      lag: 2,
      indexerTime: 1.5,
    });
    expect(report.shardedTables.orders!.staleSearchResults).toBe(2);
  });

  it('the stale share matches 1 - exp(-write rate x lag) (M/G/infinity: some write not yet indexed)', () => {
    // Writes to the key are Poisson at 0.5/s, each invisible for 1 s: a search is stale when a
    // write fell in the second before it, with probability 1 - exp(-0.5). Searches come 2 s
    // apart (one client, 2 s think time), so their windows do not overlap and the outcomes are
    // independent: a binomial count, held to SIGMAS standard errors.
    const { report } = searchScenario({
      writes: { id: 'writes', kind: 'poisson', target: 'order-api', endpoint: 'place', rate: 0.5 },
      reads: {
        id: 'reads',
        kind: 'closed',
        target: 'order-api',
        endpoint: 'merchant-orders',
        clients: 1,
        think: fixed(2),
      },
      lag: 1,
      duration: 20_000,
    });
    const table = report.shardedTables.orders!;
    const n = table.searchQueries;
    const p = 1 - Math.exp(-0.5);
    expect(n).toBeGreaterThan(9000);
    const share = table.staleSearchResults / n;
    expect(Math.abs(share - p)).toBeLessThan(SIGMAS * Math.sqrt((p * (1 - p)) / n));
  });
});
