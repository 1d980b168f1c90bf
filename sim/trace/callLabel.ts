import type { ReplicatedDatabase } from '../model/database/replicatedDatabase';
import type { Step } from '../model/service/endpointProgram';

/**
 * The phases of a cache-aside read, as sim/model/service/cacheSteps.ts keeps them in the request
 * table's `phase` column (mirrored here: that file is not ours to export from).
 */
export const CACHE_PHASE_LABELS = [
  'cache lookup',
  'cache load',
  'cache fill',
  'cache lock',
  'cache unlock',
];
export const CACHE_LOOKUP_PHASE = 0;

/** What a call made while running `step` is for, as a short label for the waterfall. */
export function callLabel(step: Step, phase: number, target: number): string {
  switch (step.kind) {
    case 'call':
      return 'call';
    case 'dbRead':
      return 'db read';
    case 'dbWrite':
      return 'db write';
    case 'cacheRead':
      return CACHE_PHASE_LABELS[phase] ?? 'cache';
    case 'cachedWrite': {
      const db = step.database ? step.database.master : step.db;
      return target === db ? 'db write' : 'cache write';
    }
    case 'shardQuery':
      return target === step.table.config.indexTable ? 'index lookup' : 'shard query';
    default:
      return 'call';
  }
}

/** The database a read made by `step` in `phase` is routed by, if any. */
export function readDatabase(step: Step, phase: number): ReplicatedDatabase | undefined {
  if (step.kind === 'dbRead') return step.db;
  if (step.kind === 'cacheRead' && phase === 1) return step.loadDb;
  return undefined;
}

/**
 * How far replica `station` of `db` is behind at `now`: the time it still needs to apply every
 * write committed so far. The database keeps that per replica in a private array; reading it
 * changes nothing (a public `replicaLag(station, now)` there would be the clean way).
 */
export function replicaLag(db: ReplicatedDatabase, station: number, now: number): number {
  const r = db.config.replicas.indexOf(station);
  const applyEnd = db['applyEnd'];
  if (r < 0) return 0;
  return Math.max(0, applyEnd[r]! - now);
}
