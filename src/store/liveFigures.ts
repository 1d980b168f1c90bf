import { fieldIndex, type SnapshotLayout } from './layout';
import { deriveFlows, EMPTY_FLOWS, type FlowSample, type LiveFlows } from './liveFlows';

/** The live counters of one snapshot, as the worker sent them (cumulative since t = 0). */
export interface LiveSample extends FlowSample {
  now: number;
  stations: Float64Array;
  sources: Float64Array;
}

export interface StationRow {
  id: string;
  arrivals: number;
  completed: number;
  rejected: number;
  timedOut: number;
  servers: number;
  busy: number;
  queue: number;
  /** Over the recent window, 0..1; null before any time has passed. */
  utilisation: number | null;
  /** Over the recent window, seconds; null when nothing completed in it or the field is absent. */
  meanLatency: number | null;
  /** Only when the station is a database's replica: how far behind the master it is. */
  replica?: ReplicaLag;
}

/** A replica's replication lag, seconds. */
export interface ReplicaLag {
  /** Now, as MySQL's Seconds_Behind_Source reads it (0 once it applied all it received). */
  now: number;
  /** Mean commit-to-apply time of the writes committed in the recent window; null: none. */
  mean: number | null;
  /** The largest commit-to-apply time (since the warm-up). */
  max: number;
}

export interface SourceRow {
  id: string;
  /** Per second over the recent window. */
  offeredRate: number | null;
  goodputRate: number | null;
  /** Successes over finished requests since t = 0, 0..1. */
  successShare: number | null;
  retries: number;
  offered: number;
}

export interface Figures extends LiveFlows {
  now: number;
  /** Simulated seconds the recent window spans. */
  windowSeconds: number;
  stations: StationRow[];
  sources: SourceRow[];
}

export const EMPTY_FIGURES: Figures = {
  now: 0,
  windowSeconds: 0,
  stations: [],
  sources: [],
  ...EMPTY_FLOWS,
};

/** Snapshots kept for the recent window: about one second of frames. */
export const WINDOW_SAMPLES = 60;

/**
 * Keeps the last `max` samples, oldest first, and drops those more than `maxSpan` simulated
 * seconds older than the newest, except the one just before it: at max speed a second of frames
 * can span most of a run, and "recent" should still mean recent.
 */
export function pushSample(
  window: readonly LiveSample[],
  sample: LiveSample,
  max = WINDOW_SAMPLES,
  maxSpan = Infinity,
): LiveSample[] {
  const next = [...window, sample];
  let start = Math.max(0, next.length - max);
  while (start < next.length - 2 && next[start]!.now < sample.now - maxSpan) start++;
  return start > 0 ? next.slice(start) : next;
}

const ratioOrNull = (num: number, den: number) => (den > 0 ? num / den : null);

/**
 * Table figures from the recent window: counts are since t = 0, rates and utilisation over the
 * window (from its oldest sample to the newest; from t = 0 when it holds one sample), so they move
 * with the load the way the charts do. Station snapshots carry no latency sum today, so the mean
 * latency comes from `latencyFallback` (the last series bucket) unless the worker adds one.
 */
export function deriveFigures(
  layout: SnapshotLayout,
  window: readonly LiveSample[],
  latencyFallback: readonly (number | null)[] = [],
): Figures {
  const latest = window[window.length - 1];
  if (!latest) return EMPTY_FIGURES;
  const first = window[0]!;
  const base: LiveSample =
    window.length > 1 && latest.now > first.now
      ? first
      : {
          now: 0,
          stations: new Float64Array(latest.stations.length),
          sources: new Float64Array(latest.sources.length),
        };
  const dt = latest.now - base.now;

  const sf = layout.stationFields;
  const stations = layout.stationIds.map((id, i) => {
    const at = (sample: LiveSample, name: string) => {
      const f = fieldIndex(sf, name);
      return f < 0 ? NaN : sample.stations[i * sf.length + f]!;
    };
    const now = (name: string) => at(latest, name);
    const delta = (name: string) => at(latest, name) - at(base, name);
    const latency = fieldIndex(sf, 'latencySum') < 0 ? null : delta('latencySum');
    const lagNow = now('replicaLag');
    const replica: ReplicaLag | null = Number.isFinite(lagNow)
      ? {
          now: lagNow,
          mean: ratioOrNull(delta('replicaLagSum'), delta('replicaLagSamples')),
          max: now('replicaMaxLag'),
        }
      : null;
    return {
      id,
      arrivals: now('arrivals'),
      completed: now('completed'),
      rejected: now('rejected'),
      timedOut: now('timedOut'),
      servers: now('servers'),
      busy: now('busy'),
      queue: now('queueLength'),
      utilisation:
        ratioOrNull(delta('busyArea'), delta('capacityArea')) ??
        ratioOrNull(now('busy'), now('servers')),
      meanLatency:
        latency === null ? (latencyFallback[i] ?? null) : ratioOrNull(latency, delta('completed')),
      ...(replica && { replica }),
    };
  });

  const pf = layout.sourceFields;
  const sources = layout.sourceIds.map((id, k) => {
    const at = (sample: LiveSample, name: string) => {
      const f = fieldIndex(pf, name);
      return f < 0 ? NaN : sample.sources[k * pf.length + f]!;
    };
    const now = (name: string) => at(latest, name);
    const rate = (name: string) => (dt > 0 ? (now(name) - at(base, name)) / dt : null);
    return {
      id,
      offered: now('offered'),
      offeredRate: rate('offered'),
      goodputRate: rate('successes'),
      successShare: ratioOrNull(now('successes'), now('successes') + now('failures')),
      retries: now('attempts') - now('offered'),
    };
  });
  return { now: latest.now, windowSeconds: dt, stations, sources, ...deriveFlows(layout, window) };
}
