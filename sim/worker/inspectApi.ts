import { breakerView, type BreakerView } from '../inspect/breakerView';
import {
  CORRELATED_CASES,
  correlatedCase,
  correlatedCaseProblem,
  type CorrelatedCase,
  type CorrelatedComparison,
} from '../inspect/correlatedArrivals';
import {
  PEAK_LEVELS,
  peakSmoothingLevelProblem,
  peakSmoothingPoint,
  type PeakSmoothingPoint,
} from '../inspect/peakSmoothing';
import {
  degradationLevelProblem,
  degradationRung,
  type DegradationRung,
} from '../inspect/degradationLadder';
import { DEGRADATION_RUNGS, type DegradationRungId } from '../inspect/degradationScenario';
import { raceReplay, type RaceReplay } from '../inspect/raceReplay';
import { isWriteStrategy, RACE_STRATEGIES } from '../inspect/raceScenario';
import {
  LAG_LEVELS,
  readAfterWriteLevelProblem,
  readAfterWritePoint,
  type ReadAfterWritePoint,
} from '../inspect/readAfterWrite';
import { MAX_SEED } from '../kernel/rng';
import type { Simulation } from '../scenarios/simulation';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const seedProblem = (seed: unknown): string | null =>
  typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED
    ? null
    : `seed must be an integer from 0 to ${MAX_SEED}`;

/**
 * The Inspect section's calls, spread into the worker's `api` (sim/worker/api.ts). The breaker
 * calls read the loaded run without changing it; the replay and the read-after-write points run
 * their own small scenarios, so they work whatever lesson is loaded. Bad arguments come back as
 * messages naming the argument and its range, never as a thrown error that would restart the run.
 */
export function inspectApi(current: () => Simulation) {
  // A call that throws costs the page its worker (the bridge replaces it), so "nothing loaded
  // yet" is an empty answer here, not an error.
  const loaded = (): Simulation | undefined => {
    try {
      return current();
    } catch {
      return undefined;
    }
  };
  return {
    /** Names of the loaded run's circuit breakers ("<station>.<endpoint>[<step>]"). */
    breakers(): string[] {
      return loaded()?.breakers.map((b) => b.name) ?? [];
    },

    /** One breaker at the run's current time; null when the run has no breaker of that name. */
    breakerView(name: string): BreakerView | null {
      const sim = loaded();
      const logged = sim?.breakers.find((b) => b.name === name);
      return sim && logged ? breakerView(logged, sim.now) : null;
    },

    /** The degradation ladder's rungs, from full service (level 0) down to shedding. */
    degradationRungs(): DegradationRungId[] {
      return [...DEGRADATION_RUNGS];
    },

    /** One rung of the degradation ladder: its lunch peak run with `seed` (tens of ms). */
    degradationRung(level: unknown, seed: unknown = 1): Checked<DegradationRung> {
      const errors = [degradationLevelProblem(level), seedProblem(seed)].filter(
        (e): e is string => e !== null,
      );
      if (errors.length > 0) return { ok: false, errors };
      return { ok: true, value: degradationRung(level as number, seed as number) };
    },

    raceStrategies(): string[] {
      return [...RACE_STRATEGIES];
    },

    /** The cache race replay of one write strategy (a few hundred ms of simulation). */
    raceReplay(strategy: unknown, seed: unknown = 1): Checked<RaceReplay> {
      const errors: string[] = [];
      if (!isWriteStrategy(strategy))
        errors.push(`strategy must be one of ${RACE_STRATEGIES.join(', ')}`);
      const bad = seedProblem(seed);
      if (bad) errors.push(bad);
      if (!isWriteStrategy(strategy) || errors.length > 0) return { ok: false, errors };
      return { ok: true, value: raceReplay(strategy, seed as number) };
    },

    /** The replication lags the read-after-write chart is computed at, seconds. */
    readAfterWriteLevels(): number[] {
      return [...LAG_LEVELS];
    },

    /** One point of the read-after-write chart (four small runs, about a quarter second). */
    readAfterWritePoint(level: unknown, seed: unknown = 1): Checked<ReadAfterWritePoint> {
      const errors = [readAfterWriteLevelProblem(level), seedProblem(seed)].filter(
        (e): e is string => e !== null,
      );
      if (errors.length > 0) return { ok: false, errors };
      return { ok: true, value: readAfterWritePoint(level as number, seed as number) };
    },

    /** Peak rates of the peak-smoothing view, as multiples of the consumers' capacity. */
    peakSmoothingLevels(): number[] {
      return [...PEAK_LEVELS];
    },

    /** One peak level with the queue and without, same seed (two runs, about 0.1 s). */
    peakSmoothingPoint(level: unknown, seed: unknown = 1): Checked<PeakSmoothingPoint> {
      const errors = [peakSmoothingLevelProblem(level), seedProblem(seed)].filter(
        (e): e is string => e !== null,
      );
      if (errors.length > 0) return { ok: false, errors };
      return { ok: true, value: peakSmoothingPoint(level as number, seed as number) };
    },

    /** Names of the correlated-arrivals cases. */
    correlatedCases(): string[] {
      return [...CORRELATED_CASES];
    },

    /** One case, correlated and decorrelated on the same seed (two runs, about 0.1 s). */
    correlatedCase(name: unknown, seed: unknown = 1): Checked<CorrelatedComparison> {
      const errors = [correlatedCaseProblem(name), seedProblem(seed)].filter(
        (e): e is string => e !== null,
      );
      if (errors.length > 0) return { ok: false, errors };
      return { ok: true, value: correlatedCase(name as CorrelatedCase, seed as number) };
    },
  };
}
