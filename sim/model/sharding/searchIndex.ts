import type { RandomStream } from '../../kernel/rng';
import type { Distribution } from '../distributions/distribution';
import type { TopicObserver } from '../mq/topic';

/**
 * A search index (Elasticsearch style) over a sharded table, fed asynchronously: each change to a
 * row is a message on a feed topic, and a search sees it only once the indexer has consumed the
 * message and the indexing lag has passed (a refresh, say). So a search about a key shortly after
 * it was written can miss the write: that staleness is not scripted, it follows from the write
 * times, the feed's consumer lag and the lag drawn for each change.
 */
export class SearchIndex implements TopicObserver {
  /** Per key, changes published on the feed and not yet consumed by the indexer. */
  private readonly unindexed = new Map<number, number>();
  /** Per key, when its latest consumed change becomes searchable. */
  private readonly visibleFrom = new Map<number, number>();
  queries = 0;
  /** Searches that ran while a change to their key was published but not yet searchable. */
  staleResults = 0;

  constructor(
    /** The station answering searches. */
    readonly station: number,
    private readonly lag: Distribution,
    private readonly rng: RandomStream,
  ) {}

  published(key: number): void {
    this.unindexed.set(key, (this.unindexed.get(key) ?? 0) + 1);
  }

  consumed(
    key: number,
    now: number,
    _partition: number,
    _offset: number,
    duplicate: boolean,
  ): void {
    // Indexing the same change twice changes nothing.
    if (duplicate) return;
    const left = this.unindexed.get(key)! - 1;
    if (left > 0) this.unindexed.set(key, left);
    else this.unindexed.delete(key);
    const visible = now + this.lag.sample(this.rng);
    if (visible > (this.visibleFrom.get(key) ?? -Infinity)) this.visibleFrom.set(key, visible);
  }

  /** A search about `key` runs at `now`: true when its answer misses a change already made. */
  search(key: number, now: number): boolean {
    this.queries++;
    const visible = this.visibleFrom.get(key);
    if (visible !== undefined && now >= visible) this.visibleFrom.delete(key);
    const stale = this.unindexed.has(key) || (visible !== undefined && now < visible);
    if (stale) this.staleResults++;
    return stale;
  }
}
