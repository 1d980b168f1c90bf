import { LatencyHistogram } from '../metrics/latencyHistogram';
import type { Source } from '../model/sources/source';
import { Simulation } from '../scenarios/simulation';
import { validateScenario } from '../scenarios/validateScenario';
import { qualityOf, type Outcomes } from './degradationQuality';
import {
  DEGRADATION_RUNGS,
  degradationScenario,
  type DegradationRungId,
} from './degradationScenario';

export interface DegradationRung {
  level: number;
  rung: DegradationRungId;
  seed: number;
  /** QUALITY_WEIGHTS (degradationQuality.ts) averaged over all user requests, 0..1. */
  quality: number;
  all: Outcomes;
  /** Menu page views: the non-critical traffic, the one the rungs change. */
  browse: Outcomes;
  /** Checkouts: the critical path, calling pricing on every rung. */
  checkout: Outcomes;
  /** Calls pricing finished, and how many of them after their caller had given up. */
  pricing: { served: number; wasted: number };
}

const quantile = (h: LatencyHistogram, q: number): number | null =>
  h.count > 0 ? h.quantile(q) : null;

function outcomes(
  source: Source,
  special: { stale: number; fallback: number; shed: number },
): Outcomes {
  const { stale, fallback, shed } = special;
  const ended =
    source.failedTimeout + source.failedRejected + source.failedUnavailable + source.failedError;
  if (source.successes + ended !== source.offered) {
    // The run ends USER_TIMEOUT after the last arrival, so every request has ended by then.
    throw new Error(`degradation ladder: ${source.offered - source.successes - ended} unanswered`);
  }
  return {
    offered: source.offered,
    fresh: source.successes - stale - fallback,
    stale,
    fallback,
    shed,
    failed: ended - shed,
    p50: quantile(source.latency, 0.5),
    p99: quantile(source.latency, 0.99),
  };
}

/** Checks a level from outside (the worker API): a clear message, never a crash. */
export function degradationLevelProblem(level: unknown): string | null {
  if (typeof level === 'number' && Number.isInteger(level) && level >= 0) {
    if (level < DEGRADATION_RUNGS.length) return null;
  }
  return `level must be an integer from 0 to ${DEGRADATION_RUNGS.length - 1}`;
}

/** The lunch peak of one rung, run to its end: the figures below are read from it. */
export function runDegradationScenario(rung: DegradationRungId, seed: number): Simulation {
  const checked = validateScenario(degradationScenario(rung, seed));
  if (!checked.ok) throw new Error(`degradation scenario: ${checked.errors.join('; ')}`);
  const sim = new Simulation(checked.scenario, seed);
  sim.runUntil(sim.duration);
  return sim;
}

/**
 * One rung of the ladder: the lunch-peak scenario of that rung, run with `seed` (a few thousand
 * requests, a few tens of milliseconds), and what its users received, counted by the model.
 */
export function degradationRung(level: number, seed = 1): DegradationRung {
  const problem = degradationLevelProblem(level);
  if (problem) throw new RangeError(problem);
  const rung = DEGRADATION_RUNGS[level]!;
  const sim = runDegradationScenario(rung, seed);
  const [browseSource, checkoutSource] = sim.sources;
  const app = sim.programs[0]!;
  const pricing = sim.stations[1]!;
  const cache = sim.caches[0]!;
  // Counters of the menu endpoint (the first) and of the cache only the menu page reads: each
  // menu request makes at most one call or cache read, so each count is one request.
  const menu = app.stats[0]!;
  const browse = outcomes(browseSource!, {
    stale: cache.staleReads + cache.localStaleReads,
    fallback: menu.degraded + menu.fallbacks,
    // Only menu calls are non-critical, and only they are shed (checkouts never are).
    shed: pricing.rejectedShed,
  });
  const checkout = outcomes(checkoutSource!, { stale: 0, fallback: 0, shed: 0 });

  const latency = new LatencyHistogram();
  latency.merge(browseSource!.latency);
  latency.merge(checkoutSource!.latency);
  const all: Outcomes = {
    offered: browse.offered + checkout.offered,
    fresh: browse.fresh + checkout.fresh,
    stale: browse.stale + checkout.stale,
    fallback: browse.fallback + checkout.fallback,
    shed: browse.shed + checkout.shed,
    failed: browse.failed + checkout.failed,
    p50: quantile(latency, 0.5),
    p99: quantile(latency, 0.99),
  };
  return {
    level,
    rung,
    seed,
    quality: qualityOf(all),
    all,
    browse,
    checkout,
    pricing: { served: pricing.completed, wasted: pricing.late },
  };
}
