import type { Scenario } from '../scenarios/schema/scenarioSchema';

/** One priced line of a challenge's score: "order-db servers: 16 x $0.50 = $8.00 per hour". */
export interface CostItem {
  what: string;
  count: number;
  price: number;
  cost: number;
}

/** A challenge's score: what the scenario's resources cost per hour (lower is better). */
export interface CostScore {
  currency: string;
  perHour: number;
  items: CostItem[];
}

/**
 * Prices every resource a student may add or remove in the scenario as it runs: servers of each
 * station, database replicas and shards as whole instances on top of their servers, and cache
 * memory by capacity. Lines priced at 0 are left out. Undefined without `lesson.costs`.
 */
export function costScore(scenario: Scenario): CostScore | undefined {
  const costs = scenario.lesson?.costs;
  if (costs === undefined) return undefined;
  const items: CostItem[] = [];
  const add = (what: string, count: number, price: number) => {
    if (price > 0 && count > 0) items.push({ what, count, price, cost: cents(count * price) });
  };
  for (const station of scenario.stations) {
    add(`${station.id} servers`, station.servers, costs.stations[station.id] ?? costs.server);
  }
  const replicas = scenario.databases.reduce((n, db) => n + db.replicas.length, 0);
  add('database replicas', replicas, costs.replica);
  const shards = scenario.shardedTables.reduce((n, t) => n + t.shards.length, 0);
  add('shards', shards, costs.shard);
  for (const cache of scenario.caches) {
    add(`${cache.id} memory (million keys)`, cache.capacity / 1_000_000, costs.cacheMillionKeys);
  }
  const perHour = cents(items.reduce((sum, item) => sum + item.cost, 0));
  return { currency: costs.currency, perHour, items };
}

/** Money to the cent, so sums print the same everywhere. */
const cents = (x: number): number => Math.round(x * 100) / 100;
