import type { SearchIndex } from './searchIndex';
import { ShardMap, type ShardStrategy } from './shardMap';

export interface ShardedTableConfig {
  id: string;
  /** Station of each shard (its master). */
  shards: readonly number[];
  strategy: ShardStrategy;
  /** Station holding the global index table (secondary key -> shard key), if any. */
  indexTable: number;
}

/**
 * A logical table split horizontally over shards by its shard key (user id, order id). A query
 * by the shard key goes to one shard; a query by another key (a merchant's orders, say) must ask
 * every shard (scatter-gather) unless a global index table maps it to the shard key first, which
 * costs one index lookup and one shard call, or a search index answers it alone in one call, at
 * the price of results that lag behind the writes.
 */
export class ShardedTable {
  readonly map: ShardMap;
  /** Shard calls made, and queries that needed them, by kind. */
  shardCalls = 0;
  indexLookups = 0;
  queries = 0;
  /** Queries by another key than the shard key, and the shard calls plus lookups they cost. */
  otherKeyQueries = 0;
  otherKeyCalls = 0;

  constructor(
    readonly config: ShardedTableConfig,
    /** The search index answering queries by another key, when the table has one. */
    readonly search?: SearchIndex,
  ) {
    this.map = new ShardMap(config.shards.length, config.strategy);
  }

  stationOf(key: number): number {
    return this.config.shards[this.map.shardOf(key)]!;
  }

  /** A query by another key ran on the search index at `now`: one call, no shard touched. */
  searched(key: number, now: number): void {
    this.queries++;
    this.otherKeyQueries++;
    this.otherKeyCalls++;
    this.search?.search(key, now);
  }
}
