import type { Component, Kernel } from '../kernel/kernel';
import type { Source } from '../model/sources/source';
import type { Station } from '../model/station/station';
import type { Cache } from '../model/cache/cache';
import type { ReplicatedDatabase } from '../model/database/replicatedDatabase';
import {
  cacheTotals,
  databaseTotals,
  replicaLagTotals,
  sourceTotals,
  stationTotals,
  type CacheTotals,
  type DatabaseTotals,
  type ReplicaLagTotals,
  type SourceTotals,
  type StationTotals,
} from './totals';

/**
 * Marks the end of the start-up transient: at `at` it takes a baseline of every counter and clears
 * the histograms, so reported figures cover [at, end] only (as JMT and Ciw discard a warm-up).
 * Time series are not affected: they show the transient, which is worth seeing.
 */
export class Warmup implements Component {
  readonly id = 'warmup';
  stationBaseline: StationTotals[];
  sourceBaseline: SourceTotals[];
  cacheBaseline: CacheTotals[];
  databaseBaseline: DatabaseTotals[];
  /** Per database, its replicas' lag sums and samples. */
  replicaLagBaseline: ReplicaLagTotals[];

  constructor(
    readonly at: number,
    private readonly stations: readonly Station[],
    private readonly sources: readonly Source[],
    private readonly caches: readonly Cache[],
    private readonly databases: readonly ReplicatedDatabase[] = [],
  ) {
    this.stationBaseline = stations.map((s) => stationTotals(s, 0));
    this.sourceBaseline = sources.map((s) => sourceTotals(s));
    this.cacheBaseline = caches.map((c) => cacheTotals(c));
    this.databaseBaseline = databases.map((d) => databaseTotals(d));
    this.replicaLagBaseline = databases.map((d) => replicaLagTotals(d));
  }

  start(kernel: Kernel): void {
    if (this.at > 0) kernel.scheduleAt(this.at, () => this.mark(kernel.now), 0, 31);
  }

  private mark(now: number): void {
    this.stationBaseline = this.stations.map((s) => stationTotals(s, now));
    this.sourceBaseline = this.sources.map((s) => sourceTotals(s));
    this.cacheBaseline = this.caches.map((c) => cacheTotals(c));
    this.databaseBaseline = this.databases.map((d) => databaseTotals(d));
    this.replicaLagBaseline = this.databases.map((d) => replicaLagTotals(d));
    // A largest value cannot be differenced: start it again, as the histograms' max is.
    for (const db of this.databases) {
      db.maxLag = 0;
      db.replicaMaxLag.fill(0);
    }
    for (const station of this.stations) {
      station.latency.reset();
      station.wait.reset();
    }
    for (const source of this.sources) source.latency.reset();
  }
}
