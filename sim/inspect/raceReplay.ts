import type { CacheTraceOp } from '../model/cache/cache';
import type { WriteStrategy } from '../model/service/cacheSteps';
import { Simulation } from '../scenarios/simulation';
import { validateScenario } from '../scenarios/validateScenario';
import { raceScenario } from './raceScenario';
import { staleWindows, type KeyChange, type StaleWindow } from './staleWindows';

/** One operation on the key, on the writer's lane or one read's bar. */
export interface LaneOp {
  at: number;
  op: CacheTraceOp;
  /** The version read, loaded, filled, committed or set; -1 when the op carries none. */
  version: number;
}

/** One read of the key, from its lookup to the answer it served. */
export interface ReadBar {
  began: number;
  ended: number;
  /** hit: served from the cache; refill: missed, loaded and filled; failed: gave up. */
  outcome: 'hit' | 'stale' | 'refill' | 'failed';
  /** The version it served (the one hit, or the one loaded). */
  version: number;
  /** Newest version committed when the read began: a hit older than this is stale. */
  committedAtBegin: number;
  ops: LaneOp[];
}

export interface RaceReplay {
  strategy: WriteStrategy;
  fillUnderLock: boolean;
  seed: number;
  /** The stretch drawn: the write followed by the most stale reads, and what came after it. */
  window: { from: number; to: number };
  writer: LaneOp[];
  reads: ReadBar[];
  staleWindows: StaleWindow[];
  /** Over the whole replay, as the cache's own staleReads counter has it. */
  staleReads: number;
  staleReadsInWindow: number;
  readsTotal: number;
  writes: number;
}

/** At most this many read bars are drawn; the counts still cover every read. */
const MAX_BARS = 60;
/** Seconds shown before the focused write starts. */
const LEAD = 0.002;
/** Longest stretch shown after it, so a wide stale window does not squeeze the races flat. */
const TAIL = 0.03;

/**
 * Runs the race scenario for `strategy` with the real cache, lock and database components and
 * records every operation on the key through the cache's trace hook. Deterministic: the same
 * strategy and seed give the same replay.
 */
export function raceReplay(strategy: WriteStrategy, seed = 1): RaceReplay {
  const checked = validateScenario(raceScenario(strategy, seed));
  if (!checked.ok) throw new Error(`race scenario: ${checked.errors.join('; ')}`);
  const sim = new Simulation(checked.scenario, seed);
  const cache = sim.caches[0]!;
  const writer: LaneOp[] = [];
  const reads: ReadBar[] = [];
  const open = new Map<number, ReadBar>();
  /** Every operation in the order it happened, for the stale windows. */
  const changes: KeyChange[] = [];
  cache.onTrace = (at, op, _key, request, version) => {
    changes.push({ at, op, version });
    // One writer: every write operation is its own.
    if (op.startsWith('write') || op === 'delete' || op === 'commit' || op === 'set') {
      writer.push({ at, op, version });
      return;
    }
    if (op === 'lookup') {
      const bar: ReadBar = {
        began: at,
        ended: at,
        outcome: 'refill',
        version: -1,
        committedAtBegin: committedAt(writer, at),
        ops: [],
      };
      open.set(request, bar);
      reads.push(bar);
    }
    const bar = open.get(request);
    if (!bar) return;
    bar.ops.push({ at, op, version });
    bar.ended = at;
    if (op === 'hit' || op === 'staleHit') {
      bar.outcome = op === 'hit' ? 'hit' : 'stale';
      bar.version = version;
    } else if (op === 'load') bar.version = version;
    else if (op === 'readFailed') bar.outcome = 'failed';
    const done =
      op === 'hit' ||
      op === 'staleHit' ||
      op === 'readFailed' ||
      op === (cache.config.fillUnderLock ? 'readUnlock' : 'fill');
    if (done) open.delete(request);
  };
  sim.runUntil(sim.duration);
  const windows = staleWindows(changes, sim.duration);
  const window = focus(writer, reads, sim.duration);
  const inWindow = (from: number, to: number) => to >= window.from && from <= window.to;
  // A read belongs to the stretch when it was served in it (its bar may start earlier).
  const served = reads.filter((r) => inWindow(r.ended, r.ended));
  const shown = pickBars(served);
  return {
    strategy,
    fillUnderLock: cache.config.fillUnderLock,
    seed,
    window,
    writer: writer.filter((w) => inWindow(w.at, w.at)),
    reads: shown,
    staleWindows: windows
      .filter((w) => inWindow(w.from, w.to))
      .map((w) => ({ ...w, from: Math.max(w.from, window.from), to: Math.min(w.to, window.to) })),
    staleReads: cache.staleReads,
    staleReadsInWindow: served.filter((r) => r.outcome === 'stale').length,
    readsTotal: reads.length,
    writes: writer.filter((w) => w.op === 'commit').length,
  };
}

/** The reads worth a bar, stale ones and refills first, then in the order they began. */
function pickBars(reads: readonly ReadBar[]): ReadBar[] {
  const rank = (r: ReadBar) => (r.outcome === 'hit' ? 1 : 0);
  return reads
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .slice(0, MAX_BARS)
    .sort((a, b) => a.i - b.i)
    .map(({ r }) => r);
}

/** Newest version committed at or before `at` (0: the preloaded one), from the writer's lane. */
function committedAt(writer: readonly LaneOp[], at: number): number {
  let version = 0;
  for (const w of writer) if (w.op === 'commit' && w.at <= at) version = w.version;
  return version;
}

/**
 * The stretch to draw: from just before the write whose cycle (until the next write starts) saw
 * the most stale reads served, to the next write or TAIL later, whichever is first. With no stale
 * read at all, the first write that had readers around it.
 */
function focus(writer: readonly LaneOp[], reads: readonly ReadBar[], end: number) {
  const starts = writer.filter((w) => w.op === 'writeStart').map((w) => w.at);
  let best = starts[0] ?? 0;
  let bestStale = -1;
  starts.forEach((start, i) => {
    const next = starts[i + 1] ?? end;
    const stale = reads.filter(
      (r) => r.outcome === 'stale' && r.ended >= start && r.ended < next,
    ).length;
    if (stale > bestStale) {
      best = start;
      bestStale = stale;
    }
  });
  const next = starts.find((s) => s > best) ?? end;
  return { from: Math.max(0, best - LEAD), to: Math.min(next, best + TAIL, end) };
}
