import type { SnapshotLayout } from './layout';

/** The live numbers of one snapshot the topology's edges need (absent from an older worker). */
export interface FlowSample {
  now: number;
  /** Requests sent along each edge since t = 0, [origin][station] (layout.flowOrigins rows). */
  flows?: Float64Array | undefined;
  /** Each breaker's state now, an index into layout.breakerStates. */
  breakers?: Float64Array | undefined;
  /** Each topic's consumer lag now. */
  topics?: Float64Array | undefined;
}

/** Requests from one origin to one station. */
export interface FlowRow {
  /** "<kind>:<id>" of the origin: a station (routes and calls), source, topic or order flow. */
  from: string;
  /** Station id. */
  to: string;
  /** Since t = 0. */
  count: number;
  /** Per second over the recent window, as a source's offered rate; null before time passed. */
  rate: number | null;
}

export interface BreakerRow {
  id: string;
  /** The station that makes the guarded call, and the station it calls. */
  from: string;
  to: string;
  /** CLOSED, HALF_OPEN, OPEN...; null when the worker sent no state. */
  state: string | null;
}

export interface TopicRow {
  id: string;
  /** Messages published and not yet consumed, now. */
  lag: number;
}

export interface LiveFlows {
  /** Only the origin-station pairs something was ever sent along. */
  flows: FlowRow[];
  breakers: BreakerRow[];
  topics: TopicRow[];
}

export const EMPTY_FLOWS: LiveFlows = { flows: [], breakers: [], topics: [] };

/**
 * Edge rates over the recent window, computed like the sources' rates in deriveFigures: from the
 * window's oldest sample to the newest, or from t = 0 when it holds one sample.
 */
export function deriveFlows(layout: SnapshotLayout, window: readonly FlowSample[]): LiveFlows {
  const latest = window[window.length - 1];
  if (!latest) return EMPTY_FLOWS;
  const first = window[0]!;
  const fromStart = !(window.length > 1 && latest.now > first.now);
  const base = fromStart ? null : first;
  const dt = latest.now - (base?.now ?? 0);
  const stations = layout.stationIds;
  const flows: FlowRow[] = [];
  const counts = latest.flows;
  (layout.flowOrigins ?? []).forEach((from, row) => {
    if (!counts) return;
    stations.forEach((to, i) => {
      const at = row * stations.length + i;
      const count = counts[at] ?? 0;
      if (count === 0) return;
      const before = base ? (base.flows?.[at] ?? 0) : 0;
      flows.push({ from, to, count, rate: dt > 0 ? (count - before) / dt : null });
    });
  });
  const states = layout.breakerStates ?? [];
  const breakers = (layout.breakerIds ?? []).map((id, k) => {
    const call = layout.breakerCalls?.[k];
    const code = latest.breakers?.[k];
    return {
      id,
      from: call?.from ?? '',
      to: call?.to ?? '',
      state: code === undefined ? null : (states[code] ?? null),
    };
  });
  const topics = latest.topics
    ? layout.topicIds.map((id, k) => ({ id, lag: latest.topics![k] ?? 0 }))
    : [];
  return { flows, breakers, topics };
}
