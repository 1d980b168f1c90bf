import { buildRunReport, type RunReport } from '../metrics/runReport';
import {
  CACHE_SERIES_FIELDS,
  STATION_SERIES_FIELDS,
  SOURCE_SERIES_FIELDS,
  TOPIC_SERIES_FIELDS,
} from '../metrics/seriesSubjects';

export type SeriesSubjectKind = 'station' | 'source' | 'cache' | 'topic';
import { PRESETS, presetTitle } from '../scenarios/presets';
import { checkRunOptions } from '../scenarios/runScenario';
import type { Scenario } from '../scenarios/schema/scenarioSchema';
import { Simulation } from '../scenarios/simulation';
import { validateScenario } from '../scenarios/validateScenario';
import { SOURCE_LIVE_FIELDS, STATION_LIVE_FIELDS, takeSnapshot, type Snapshot } from './snapshot';

/**
 * The worker's API: plain functions over one simulation, exposed with comlink by sim.worker.ts.
 * The UI's type for it is `typeof api` (never written twice). Pacing is the caller's business:
 * `advance` runs a slice of simulated time within a wall-clock budget and returns a snapshot, so
 * the page asks for one slice per frame and the worker never needs a timer.
 */
export type LoadResult =
  | {
      ok: true;
      warnings: string[];
      scenario: Scenario;
      seed: number;
      stationIds: string[];
      sourceIds: string[];
      stationFields: readonly string[];
      sourceFields: readonly string[];
      stationSeriesFields: readonly string[];
      sourceSeriesFields: readonly string[];
      /** Every block of the snapshot's series data, in order: stations, sources, caches, topics. */
      seriesSubjects: { kind: SeriesSubjectKind; id: string; fields: readonly string[] }[];
    }
  | { ok: false; errors: string[] };

let sim: Simulation | undefined;
let loaded: { scenario: Scenario; seed: number; warnings: string[] } | undefined;
let wallMs = 0;

function current(): Simulation {
  if (!sim) throw new Error('no scenario loaded: call load() first');
  return sim;
}

/** Events run between two looks at the wall clock inside `advance`. */
const EVENTS_PER_CHECK = 20_000;

export const api = {
  presets(): { name: string; title: string }[] {
    return Object.keys(PRESETS).map((name) => ({ name, title: presetTitle(name) }));
  },

  presetDocument(name: string): unknown {
    return PRESETS[name];
  },

  /** Validates and loads a scenario document; on errors the previous simulation is kept. */
  load(input: unknown, seed?: number): LoadResult {
    const result = validateScenario(input);
    if (!result.ok) return { ok: false, errors: result.errors };
    const errors = checkRunOptions(result.scenario, { seed });
    if (errors.length > 0) return { ok: false, errors };
    loaded = {
      scenario: result.scenario,
      seed: seed ?? result.scenario.seed,
      warnings: result.warnings,
    };
    sim = new Simulation(loaded.scenario, loaded.seed);
    wallMs = 0;
    return {
      ok: true,
      warnings: result.warnings,
      scenario: result.scenario,
      seed: loaded.seed,
      stationIds: sim.stations.map((s) => s.id),
      sourceIds: sim.sources.map((s) => s.id),
      stationFields: STATION_LIVE_FIELDS,
      sourceFields: SOURCE_LIVE_FIELDS,
      stationSeriesFields: STATION_SERIES_FIELDS,
      sourceSeriesFields: SOURCE_SERIES_FIELDS,
      seriesSubjects: [
        ...sim.stations.map((s) => ({
          kind: 'station' as const,
          id: s.id,
          fields: STATION_SERIES_FIELDS,
        })),
        ...sim.sources.map((s) => ({
          kind: 'source' as const,
          id: s.id,
          fields: SOURCE_SERIES_FIELDS,
        })),
        ...sim.caches.map((c) => ({
          kind: 'cache' as const,
          id: c.config.id,
          fields: CACHE_SERIES_FIELDS,
        })),
        ...sim.topics.map((t) => ({
          kind: 'topic' as const,
          id: t.id,
          fields: TOPIC_SERIES_FIELDS,
        })),
      ],
    };
  },

  /** Back to t = 0 with the same scenario and seed. */
  reset(): Snapshot {
    if (!loaded) throw new Error('no scenario loaded: call load() first');
    sim = new Simulation(loaded.scenario, loaded.seed);
    wallMs = 0;
    return takeSnapshot(sim, 0, -1);
  },

  /**
   * Runs until simulated time now + `simSeconds` (Infinity: as fast as possible) or until
   * `budgetMs` of wall time is spent, whichever comes first.
   */
  advance(simSeconds: number, budgetMs: number, knownBuckets = 0, knownResolution = -1): Snapshot {
    const s = current();
    const started = performance.now();
    const target = Math.min(s.duration, s.now + Math.max(0, simSeconds));
    while (s.now < target) {
      // Fewer than EVENTS_PER_CHECK events left before the target: the clock lands on it.
      s.runUntil(target, EVENTS_PER_CHECK);
      if (performance.now() - started >= budgetMs) break;
    }
    wallMs += performance.now() - started;
    return takeSnapshot(s, knownBuckets, knownResolution);
  },

  /** Executes exactly one event. */
  step(knownBuckets = 0, knownResolution = -1): Snapshot {
    const s = current();
    if (!s.done && s.kernel.nextTime() <= s.duration) s.kernel.step();
    return takeSnapshot(s, knownBuckets, knownResolution);
  },

  snapshot(knownBuckets = 0, knownResolution = -1): Snapshot {
    return takeSnapshot(current(), knownBuckets, knownResolution);
  },

  /** The run so far in the CLI's --json format: same scenario and seed, same numbers. */
  report(): RunReport {
    const s = current();
    return buildRunReport(s, Math.round(wallMs), loaded?.warnings ?? []);
  },
};

export type SimApi = typeof api;
