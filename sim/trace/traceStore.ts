import { TraceRing } from './traceRing';
import { summarise, type Trace, type TraceSummary } from './traceTypes';

export interface TraceStoreLimits {
  /** Sampled traces kept, most recent first out. */
  recent: number;
  /** Failed requests kept, in a ring of their own so a burst of successes cannot push them out. */
  failed: number;
  /**
   * The run is cut into this many slots of simulated time and each keeps its first finished
   * trace and its first failure: a click on an old point of a chart still finds a request.
   */
  archiveSlots: number;
}

export const DEFAULT_STORE_LIMITS: TraceStoreLimits = {
  recent: 500,
  failed: 500,
  archiveSlots: 400,
};

export interface TraceQuery {
  from?: number;
  to?: number;
  source?: string;
  failedOnly?: boolean;
  /** At most this many, the latest ending kept. */
  limit?: number;
}

/** Finished traces, bounded: two rings and a thin archive over the whole run. */
export class TraceStore {
  private readonly recent: TraceRing<Trace>;
  private readonly failed: TraceRing<Trace>;
  private readonly archive = new Map<number, Trace>();
  private readonly slotSeconds: number;

  constructor(
    duration: number,
    private readonly limits: TraceStoreLimits = DEFAULT_STORE_LIMITS,
  ) {
    this.recent = new TraceRing(limits.recent);
    this.failed = new TraceRing(limits.failed);
    this.slotSeconds = Math.max(duration, 1e-9) / Math.max(1, limits.archiveSlots);
  }

  add(trace: Trace): void {
    const failed = trace.outcome !== 'ok';
    if (failed) this.failed.push(trace);
    else this.recent.push(trace);
    // Slot 2k holds a success, 2k + 1 a failure.
    const slot = 2 * Math.floor(trace.end / this.slotSeconds) + (failed ? 1 : 0);
    if (!this.archive.has(slot) && this.archive.size < 2 * this.limits.archiveSlots + 2) {
      this.archive.set(slot, trace);
    }
  }

  /** Every stored trace once, ordered by end time. */
  all(): Trace[] {
    const seen = new Set<Trace>();
    for (const t of this.archive.values()) seen.add(t);
    for (const t of this.recent.toArray()) seen.add(t);
    for (const t of this.failed.toArray()) seen.add(t);
    return [...seen].sort((a, b) => a.end - b.end || a.id - b.id);
  }

  list(query: TraceQuery = {}): TraceSummary[] {
    const from = query.from ?? -Infinity;
    const to = query.to ?? Infinity;
    return this.all()
      .filter(
        (t) =>
          t.end >= from &&
          t.end <= to &&
          (query.source === undefined || t.source === query.source) &&
          (!query.failedOnly || t.outcome !== 'ok'),
      )
      .slice(-(query.limit ?? Infinity))
      .map(summarise);
  }

  byId(id: number): Trace | undefined {
    return this.all().find((t) => t.id === id);
  }

  /**
   * The trace that ended nearest `t`; within `window` seconds of it, the slowest one, since a
   * click on a latency chart asks why that moment was slow.
   */
  near(t: number, window = 0, source?: string): Trace | undefined {
    let best: Trace | undefined;
    let bestDistance = Infinity;
    for (const trace of this.all()) {
      if (source !== undefined && trace.source !== source) continue;
      const distance = Math.max(0, Math.abs(trace.end - t) - window);
      if (
        distance < bestDistance ||
        (distance === bestDistance && best !== undefined && trace.latency > best.latency)
      ) {
        best = trace;
        bestDistance = distance;
      }
    }
    return best;
  }
}
