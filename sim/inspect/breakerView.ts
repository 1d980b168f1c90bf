import type { LoggedBreaker, Transition } from '../model/resilience/breakerLog';
import type {
  CircuitBreakerConfig,
  CircuitState,
  SlidingWindowType,
} from '../model/resilience/circuitBreaker';
import {
  CountWindow,
  FAILURE,
  SLOW_FAILURE,
  SLOW_SUCCESS,
  SUCCESS,
  TimeWindow,
  type Outcome,
  type OutcomeWindow,
} from '../model/resilience/slidingWindow';

/** Calls in a window by outcome; the four are disjoint (a slow failure is only `slowFailure`). */
export interface OutcomeCounts {
  success: number;
  failure: number;
  slowSuccess: number;
  slowFailure: number;
}

export type OutcomeName = keyof OutcomeCounts;

const OUTCOME_NAMES: Record<Outcome, OutcomeName> = {
  [SUCCESS]: 'success',
  [FAILURE]: 'failure',
  [SLOW_SUCCESS]: 'slowSuccess',
  [SLOW_FAILURE]: 'slowFailure',
};

/** The window the breaker decides on: what it holds now, cell by cell or second by second. */
export interface WindowView {
  /** HALF_OPEN decides on its own count-based window of the permitted probes. */
  kind: SlidingWindowType | 'HALF_OPEN_PROBES';
  /** Calls (count-based) or seconds (time-based). */
  size: number;
  total: number;
  counts: OutcomeCounts;
  /** Count-based: the outcomes held, oldest first (at most `size`). */
  cells: OutcomeName[];
  /** Time-based: one row per second, oldest first. */
  buckets: { second: number; counts: OutcomeCounts }[];
}

/** Everything the breaker tile shows, as plain data that crosses the worker boundary. */
export interface BreakerView {
  name: string;
  now: number;
  state: CircuitState;
  stateSince: number;
  config: CircuitBreakerConfig;
  window: WindowView;
  /** Calls the window must hold before any rate counts (SEMANTICS.md section 1). */
  minimumCalls: number;
  /** True while the window holds fewer calls than that: no rate, no decision. */
  belowMinimum: boolean;
  /** Percent of the window; null below the minimum number of calls. */
  failureRate: number | null;
  slowCallRate: number | null;
  /** HALF_OPEN only: probes let through so far, of those permitted. */
  probes: { used: number; permitted: number; finished: number } | null;
  /** OPEN only: seconds until the next call may probe (0: it will, when a call comes). */
  openSecondsLeft: number | null;
  notPermittedInWindow: number;
  notPermittedTotal: number;
  transitionCount: number;
  /** The latest transitions, oldest first. */
  transitions: Transition[];
}

/** How many transitions the view carries: enough for the tile's log, small to copy each frame. */
const RECENT_TRANSITIONS = 12;

const countsOf = (c: ArrayLike<number>): OutcomeCounts => ({
  success: c[SUCCESS]!,
  failure: c[FAILURE]!,
  slowSuccess: c[SLOW_SUCCESS]!,
  slowFailure: c[SLOW_FAILURE]!,
});

/** Resilience4j's SnapshotImpl rates, in Java float (as CircuitBreaker computes them). */
const percent = (part: number, total: number) => Math.fround((part * 100) / total);

/**
 * A read-only view of one breaker at `now`. It uses the breaker's plain getters, never
 * `metricsAt` (which applies due timers), so inspecting cannot change a run's numbers.
 */
export function breakerView(logged: LoggedBreaker, now: number): BreakerView {
  const cb = logged.breaker;
  const c = cb.config;
  const state = cb.state;
  const window = windowView(cb.currentWindow, state, now);
  const minimumCalls = cb.currentMinimumCalls;
  const total = window.total;
  const belowMinimum = total === 0 || total < minimumCalls;
  const n = window.counts;
  const permitted = c.permittedNumberOfCallsInHalfOpenState;
  return {
    name: logged.name,
    now,
    state,
    stateSince: cb.stateEnteredAt,
    config: { ...c },
    window,
    minimumCalls,
    belowMinimum,
    failureRate: belowMinimum ? null : percent(n.failure + n.slowFailure, total),
    slowCallRate: belowMinimum ? null : percent(n.slowSuccess + n.slowFailure, total),
    probes:
      state === 'HALF_OPEN'
        ? { used: permitted - cb.probesLeft, permitted, finished: total }
        : null,
    openSecondsLeft:
      state === 'OPEN' ? Math.max(0, cb.openSince + c.waitDurationInOpenState - now) : null,
    notPermittedInWindow: cb.notPermittedInCurrentWindow,
    notPermittedTotal: cb.notPermittedSinceStart,
    transitionCount: logged.transitionCount,
    transitions: logged.transitions.slice(-RECENT_TRANSITIONS),
  };
}

function windowView(w: Readonly<OutcomeWindow>, state: CircuitState, now: number): WindowView {
  if (w instanceof TimeWindow) {
    const buckets = w.bucketsAt(now).map((b) => ({ second: b.second, counts: countsOf(b.counts) }));
    const counts: OutcomeCounts = { success: 0, failure: 0, slowSuccess: 0, slowFailure: 0 };
    for (const b of buckets) {
      for (const k of Object.keys(counts) as OutcomeName[]) counts[k] += b.counts[k];
    }
    const total = counts.success + counts.failure + counts.slowSuccess + counts.slowFailure;
    return { kind: 'TIME_BASED', size: w.seconds, total, counts, cells: [], buckets };
  }
  if (w instanceof CountWindow) {
    return {
      kind: state === 'HALF_OPEN' ? 'HALF_OPEN_PROBES' : 'COUNT_BASED',
      size: w.size,
      total: w.total,
      counts: countsOf(w.counts),
      cells: w.outcomesOldestFirst().map((o) => OUTCOME_NAMES[o]),
      buckets: [],
    };
  }
  return {
    kind: 'COUNT_BASED',
    size: 0,
    total: w.total,
    counts: countsOf(w.counts),
    cells: [],
    buckets: [],
  };
}
