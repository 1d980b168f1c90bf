import { Simulation } from '../scenarios/simulation';
import { validateScenario } from '../scenarios/validateScenario';

/**
 * Binlog shipping delays the read-after-write view tries, in seconds: from the sub-second lag
 * that is normal to the few seconds after which replicas are pulled from serving (SEMANTICS.md
 * section 4, "Typical lag").
 */
export const LAG_LEVELS: readonly number[] = [0.001, 0.004, 0.016, 0.064, 0.25, 1, 2];

/** Read-your-writes window when it is on: the read-write-split lesson's 1 s on the master. */
export const RYW_WINDOW = 1;

/** Simulated seconds per run: a few thousand reads, enough for shares to a few percent. */
const DURATION = 4;

/** Whose reads: the writer reading back what it just wrote, or other users reading any key. */
export type Readers = 'own' | 'others';

/** Share of reads answered stale (0..1), and how many reads that share is of. */
export interface StaleShare {
  share: number;
  reads: number;
  stale: number;
  fromMaster: number;
}

export interface ReadAfterWritePoint {
  shipDelay: number;
  /** Mean replication lag the runs measured (commit to apply on a replica), seconds. */
  meanLag: number;
  own: { replicas: StaleShare; readYourWrites: StaleShare };
  others: { replicas: StaleShare; readYourWrites: StaleShare };
}

/**
 * The read-write-split lesson scaled down (one master, two replicas, 1,000 keys): `own` runs
 * 200 writes/s that each read their key back at once (write, then read: the user reloading the
 * page after saving); `others` runs the same writes and 1,000 reads/s from other users. The
 * replica lag is set by the binlog shipping delay; the apply thread stays fast.
 */
export function readAfterWriteScenario(
  readers: Readers,
  shipDelay: number,
  readYourWrites: number,
  seed: number,
): unknown {
  const db = { type: 'exponential', mean: 0.005 };
  const station = (id: string) => ({ id, servers: 32, queueCapacity: 5000, service: db });
  const sources: unknown[] = [
    {
      id: 'writers',
      kind: 'poisson',
      target: 'api',
      endpoint: readers === 'own' ? 'writeThenRead' : 'write',
      rate: 200,
    },
  ];
  if (readers === 'others') {
    sources.push({ id: 'readers', kind: 'poisson', target: 'api', endpoint: 'read', rate: 1000 });
  }
  return {
    name: `read-after-write-${readers}`,
    seed,
    duration: DURATION,
    keys: { count: 1000, zipf: 1 },
    databases: [
      {
        id: 'orders',
        master: 'master',
        replicas: ['replica-1', 'replica-2'],
        shipDelay: { type: 'deterministic', value: shipDelay },
        applyTime: { type: 'exponential', mean: 0.0002 },
        readYourWrites,
      },
    ],
    sources,
    stations: [
      {
        id: 'api',
        servers: 2000,
        endpoints: {
          writeThenRead: [
            { kind: 'dbWrite', db: 'orders' },
            { kind: 'dbRead', db: 'orders' },
          ],
          write: [{ kind: 'dbWrite', db: 'orders' }],
          read: [{ kind: 'dbRead', db: 'orders' }],
        },
      },
      station('master'),
      station('replica-1'),
      station('replica-2'),
    ],
  };
}

function run(readers: Readers, shipDelay: number, ryw: number, seed: number) {
  const checked = validateScenario(readAfterWriteScenario(readers, shipDelay, ryw, seed));
  if (!checked.ok) throw new Error(`read-after-write scenario: ${checked.errors.join('; ')}`);
  const sim = new Simulation(checked.scenario, seed);
  sim.runUntil(sim.duration);
  const d = sim.databases[0]!;
  const share: StaleShare = {
    share: d.reads > 0 ? d.staleReads / d.reads : 0,
    reads: d.reads,
    stale: d.staleReads,
    fromMaster: d.readsFromMaster,
  };
  return { share, meanLag: d.lagSamples > 0 ? d.lagSum / d.lagSamples : 0 };
}

/** Checks a level index from outside (the worker API): a clear message, never a crash. */
export function readAfterWriteLevelProblem(level: unknown): string | null {
  if (typeof level === 'number' && Number.isInteger(level) && level >= 0) {
    if (level < LAG_LEVELS.length) return null;
  }
  return `level must be an integer from 0 to ${LAG_LEVELS.length - 1}`;
}

/** One lag level: four runs (own / others, replicas / read-your-writes), the same seed. */
export function readAfterWritePoint(level: number, seed = 1): ReadAfterWritePoint {
  const problem = readAfterWriteLevelProblem(level);
  if (problem) throw new RangeError(problem);
  const shipDelay = LAG_LEVELS[level]!;
  const own = run('own', shipDelay, 0, seed);
  const others = run('others', shipDelay, 0, seed);
  return {
    shipDelay,
    meanLag: others.meanLag,
    own: { replicas: own.share, readYourWrites: run('own', shipDelay, RYW_WINDOW, seed).share },
    others: {
      replicas: others.share,
      readYourWrites: run('others', shipDelay, RYW_WINDOW, seed).share,
    },
  };
}
