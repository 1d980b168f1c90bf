import type { StateValue } from 'xstate';

/** One line of an order's story: a machine's state after an event, or what the flow did. */
export interface JournalEntry {
  /** Simulated seconds. */
  readonly t: number;
  /** Whose line: the idempotency key's machine, the saga's, or the flow around them. */
  readonly lane: 'key' | 'saga' | 'flow';
  /** The event the machine processed (lane key/saga), or what happened (lane flow). */
  readonly what: string;
  /** The machine's state after the event, as a dotted path ("capturingPayment.awaitingReply"). */
  readonly state?: string;
}

/** What made an order worth keeping among the notable ones. */
export type OrderMark =
  | 'compensated'
  | 'byScheduledJob'
  | 'redelivered'
  | 'duplicateSuppressed'
  | 'replayServed'
  | 'conflict'
  | 'replyLost'
  | 'needsManualHandling';

export interface OrderStory {
  readonly orderId: number;
  readonly logical: number;
  readonly startedAt: number;
  endedAt: number | null;
  outcome: string | null;
  readonly marks: OrderMark[];
  readonly entries: JournalEntry[];
}

export interface OrderStorySummary {
  orderId: number;
  startedAt: number;
  endedAt: number | null;
  outcome: string | null;
  marks: OrderMark[];
  entries: number;
}

/** Orders kept per list once finished; an order's story is a few dozen lines. */
const KEPT = 40;
/** Notable orders kept per mark: a flood of one kind does not push the others out. */
const KEPT_PER_MARK = 10;
/** Lines kept per order: a saga retried for a long time keeps its first and its latest lines. */
const MAX_ENTRIES = 200;

/** "a", { a: "b" } and { a: { b: "c" } } as "a", "a.b", "a.b.c" (parallel states joined by ","). */
export function statePath(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([k, v]) => (v === undefined || Object.keys(v).length === 0 ? k : `${k}.${statePath(v)}`))
    .join(',');
}

/**
 * The story of each order the flow runs: every event its two machines processed with the state
 * it left them in, and what the flow did around them (calls, replies lost, the scheduled job,
 * duplicates recognised, replays served). It only reads, so a run with a journal is the same
 * run. Memory is bounded: the orders in flight, then the latest finished and the latest notable.
 */
export class OrderJournal {
  private readonly live = new Map<number, OrderStory>();
  private readonly liveByLogical = new Map<number, OrderStory>();
  private readonly recent: OrderStory[] = [];
  private readonly notable = new Map<OrderMark, OrderStory[]>();

  begin(orderId: number, logical: number, t: number): void {
    const story: OrderStory = {
      orderId,
      logical,
      startedAt: t,
      endedAt: null,
      outcome: null,
      marks: [],
      entries: [],
    };
    this.live.set(orderId, story);
    this.liveByLogical.set(logical, story);
  }

  /** A line for an order, live or just finished (its last event is told after it ended). */
  add(orderId: number, entry: JournalEntry): void {
    const story = this.story(orderId);
    if (story === undefined) return;
    if (story.entries.length >= MAX_ENTRIES) story.entries.splice(MAX_ENTRIES / 2, 1);
    story.entries.push(entry);
  }

  /** A line for the live order of a logical request (a retry's replay or 409 lands here). */
  addForLogical(logical: number, entry: JournalEntry, mark?: OrderMark): number | undefined {
    const story = this.liveByLogical.get(logical);
    if (story === undefined) return undefined;
    this.add(story.orderId, entry);
    if (mark !== undefined) this.mark(story.orderId, mark);
    return story.orderId;
  }

  mark(orderId: number, mark: OrderMark): void {
    const story = this.live.get(orderId);
    if (story !== undefined && !story.marks.includes(mark)) story.marks.push(mark);
  }

  end(orderId: number, outcome: string, t: number): void {
    const story = this.live.get(orderId);
    if (story === undefined) return;
    story.endedAt = t;
    story.outcome = outcome;
    if (outcome === 'compensated') this.mark(orderId, 'compensated');
    if (outcome === 'needsManualHandling') this.mark(orderId, 'needsManualHandling');
    this.live.delete(orderId);
    keep(this.recent, story, KEPT);
    for (const mark of story.marks) {
      let list = this.notable.get(mark);
      if (list === undefined) this.notable.set(mark, (list = []));
      keep(list, story, KEPT_PER_MARK);
    }
  }

  /**
   * The key's retention ended: a retry now would start a new order, so the logical request no
   * longer points at this one. (The order may still be finishing: it stays live.)
   */
  forgetLogical(logical: number): void {
    this.liveByLogical.delete(logical);
  }

  /**
   * Live orders oldest first (at most `limit`), the latest finished, and the notable: the latest
   * few of each mark, newest first.
   */
  lists(limit = KEPT): {
    inFlight: OrderStorySummary[];
    recent: OrderStorySummary[];
    notable: OrderStorySummary[];
  } {
    const inFlight: OrderStorySummary[] = [];
    for (const story of this.live.values()) {
      if (inFlight.length >= limit) break;
      inFlight.push(summary(story));
    }
    const notable = [...new Set([...this.notable.values()].flat())].sort(
      (a, b) => b.orderId - a.orderId,
    );
    return {
      inFlight,
      recent: [...this.recent].reverse().map(summary),
      notable: notable.map(summary),
    };
  }

  story(orderId: number): OrderStory | undefined {
    const found = this.live.get(orderId) ?? this.recent.find((s) => s.orderId === orderId);
    if (found !== undefined) return found;
    for (const list of this.notable.values()) {
      const story = list.find((s) => s.orderId === orderId);
      if (story !== undefined) return story;
    }
    return undefined;
  }
}

function keep(list: OrderStory[], story: OrderStory, limit: number): void {
  list.push(story);
  if (list.length > limit) list.shift();
}

function summary(story: OrderStory): OrderStorySummary {
  return {
    orderId: story.orderId,
    startedAt: story.startedAt,
    endedAt: story.endedAt,
    outcome: story.outcome,
    marks: [...story.marks],
    entries: story.entries.length,
  };
}
