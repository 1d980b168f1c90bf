import type { EventHandle } from './units';

/** What an event runs: a callback bound once by its component, plus a numeric argument. */
export type EventHandler = (arg: number) => void;

/**
 * Future-event list: a 4-ary min-heap over typed arrays, ordered by (time, priority, sequence).
 *
 * Why typed arrays: a heap of JS objects was 2 to 13 times slower once 100,000 events were pending
 * (issue 2's measurements), and every scheduled object is garbage later. Here an event is a slot in
 * parallel arrays; slots are recycled through a free list, so the hot path allocates nothing.
 *
 * Why this layout (bench/hold.ts, 100,000 pending): popping walks the heap from root to leaf, and
 * each level waits for the previous level's load, so the cost is the number of levels times the
 * memory latency. Four children per node halve the levels; the heap holds only times (8 bytes per
 * entry, a family of four in 32 adjacent bytes) and slot numbers, while the tie key lives with the
 * slot and is read only when two times are equal; the smallest child is picked without branches,
 * which random times would mispredict half the time. Against the earlier binary heap with time,
 * tie and slot in every entry, `npm run bench -- hold-100000` went from 2.5 to 3.8 million events
 * a second (wall-clock medians; 2.5 to 4.1 million by CPU time) on a shared 2-core machine.
 *
 * Ties: priority (0..31, lower first) then insertion sequence, packed into one float64 "tie" key
 * (priority * 2^48 + seq): exact while seq < 2^48, i.e. for 2.8e14 events.
 *
 * Cancellation is eager (the event leaves the heap at once, O(log n)), because timeouts are the
 * common case and most of them are cancelled: lazy deletion would let the heap fill with corpses.
 * A handle is generation * 2^24 + slot, so a stale handle for a recycled slot is ignored.
 */
const SLOT_BITS = 24;
const SLOT_LIMIT = 1 << SLOT_BITS;
const GENERATION_LIMIT = 1 << 28;
const PRIORITY_SCALE = 0x1_0000_0000_0000; // 2^48
export const MAX_PRIORITY = 31;

/** Heap index of the root. Node q's children are 4q-8 .. 4q-5, its parent (q >> 2) + 2. */
const ROOT = 3;
/**
 * The three heap entries after the last are sentinels (time +Infinity, slot 0), so a node always
 * has four children to compare and a missing one never wins. Slot 0 is never handed out and its
 * tie is +Infinity, so even an event at time +Infinity beats a sentinel.
 */
const SENTINELS = 3;
const SENTINEL_SLOT = 0;

export class EventQueue {
  private capacity: number;
  // Heap arrays, indexed by heap position.
  private heapTime: Float64Array;
  private heapSlot: Int32Array;
  // Slot arrays, indexed by slot.
  private slotPos: Int32Array; // heap position of the slot, -1 when free
  private slotGen: Int32Array;
  private slotTie: Float64Array;
  private slotArg: Float64Array;
  private readonly slotHandler: (EventHandler | undefined)[] = [];
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextFreshSlot = SENTINEL_SLOT + 1;
  private sequence = 0;
  /** One past the last heap position in use. */
  private end = ROOT;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    this.heapTime = new Float64Array(this.capacity + ROOT + SENTINELS).fill(Infinity);
    this.heapSlot = new Int32Array(this.capacity + ROOT + SENTINELS).fill(SENTINEL_SLOT);
    this.slotPos = new Int32Array(this.capacity + 1).fill(-1);
    this.slotGen = new Int32Array(this.capacity + 1);
    this.slotTie = new Float64Array(this.capacity + 1);
    this.slotTie[SENTINEL_SLOT] = Infinity;
    this.slotArg = new Float64Array(this.capacity + 1);
    for (let i = 0; i <= this.capacity; i++) this.slotHandler.push(undefined);
    this.freeSlots = new Int32Array(this.capacity + 1);
  }

  get size(): number {
    return this.end - ROOT;
  }

  /** Time of the earliest pending event, or Infinity when none is pending. */
  peekTime(): number {
    return this.end > ROOT ? this.heapTime[ROOT]! : Infinity;
  }

  push(time: number, priority: number, handler: EventHandler, arg: number): EventHandle {
    if (this.end - ROOT === this.capacity) this.grow();
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.nextFreshSlot++;
    this.slotArg[slot] = arg;
    this.slotHandler[slot] = handler;
    const tie = priority * PRIORITY_SCALE + this.sequence++;
    this.slotTie[slot] = tie;
    this.siftUp(this.end++, time, tie, slot);
    return (this.slotGen[slot]! * SLOT_LIMIT + slot) as EventHandle;
  }

  /** Removes a pending event. Returns false when the handle has already run or been cancelled. */
  cancel(handle: EventHandle): boolean {
    const slot = handle % SLOT_LIMIT;
    const generation = (handle - slot) / SLOT_LIMIT;
    if (slot >= this.nextFreshSlot || this.slotGen[slot] !== generation) return false;
    const pos = this.slotPos[slot]!;
    if (pos < 0) return false;
    this.releaseSlot(slot);
    const last = --this.end;
    const time = this.heapTime[last]!;
    const moved = this.heapSlot[last]!;
    this.clear(last);
    if (pos !== last) {
      // The moved entry may belong above or below the hole.
      const tie = this.slotTie[moved]!;
      if (pos > ROOT && this.before(time, tie, (pos >> 2) + 2)) this.siftUp(pos, time, tie, moved);
      else this.siftDown(pos, time, tie, moved);
    }
    return true;
  }

  /**
   * Removes the earliest event and makes it current: afterwards `poppedTime`, `poppedHandler`
   * and `poppedArg` describe it. Split this way so the caller allocates nothing per event.
   */
  pop(): boolean {
    if (this.end === ROOT) return false;
    const slot = this.heapSlot[ROOT]!;
    this.poppedTime = this.heapTime[ROOT]!;
    this.poppedArg = this.slotArg[slot]!;
    this.poppedHandler = this.slotHandler[slot]!;
    this.releaseSlot(slot);
    const last = --this.end;
    const time = this.heapTime[last]!;
    const moved = this.heapSlot[last]!;
    this.clear(last);
    if (last > ROOT) this.siftDown(ROOT, time, this.slotTie[moved]!, moved);
    return true;
  }

  poppedTime = 0;
  poppedArg = 0;
  poppedHandler: EventHandler = () => {};

  private releaseSlot(slot: number): void {
    this.slotPos[slot] = -1;
    this.slotHandler[slot] = undefined;
    this.slotGen[slot] = (this.slotGen[slot]! + 1) % GENERATION_LIMIT;
    this.freeSlots[this.freeCount++] = slot;
  }

  /** Turns a heap position past the end back into a sentinel. */
  private clear(pos: number): void {
    this.heapTime[pos] = Infinity;
    this.heapSlot[pos] = SENTINEL_SLOT;
  }

  /** Whether (time, tie) comes before the entry at heap position `pos`. */
  private before(time: number, tie: number, pos: number): boolean {
    const other = this.heapTime[pos]!;
    return time < other || (time === other && tie < this.slotTie[this.heapSlot[pos]!]!);
  }

  private siftUp(pos: number, time: number, tie: number, slot: number): void {
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    const slotPos = this.slotPos;
    const slotTie = this.slotTie;
    while (pos > ROOT) {
      const parent = (pos >> 2) + 2;
      const pt = heapTime[parent]!;
      const ps = heapSlot[parent]!;
      if (time > pt || (time === pt && tie > slotTie[ps]!)) break;
      heapTime[pos] = pt;
      heapSlot[pos] = ps;
      slotPos[ps] = pos;
      pos = parent;
    }
    heapTime[pos] = time;
    heapSlot[pos] = slot;
    slotPos[slot] = pos;
  }

  private siftDown(pos: number, time: number, tie: number, slot: number): void {
    const heapTime = this.heapTime;
    const heapSlot = this.heapSlot;
    const slotPos = this.slotPos;
    const slotTie = this.slotTie;
    const end = this.end;
    for (;;) {
      const first = 4 * pos - 8;
      if (first >= end) break;
      // A tournament: the smaller of children 0 and 1, of 2 and 3, then of the two winners.
      // `+(x < y)` compiles to a flag, not a jump; equal times, rare with continuous
      // distributions, take the branch that consults the tie keys.
      const t0 = heapTime[first]!;
      const t1 = heapTime[first + 1]!;
      const t2 = heapTime[first + 2]!;
      const t3 = heapTime[first + 3]!;
      let a = first + +(t1 < t0);
      if (t1 === t0) a = first + +(slotTie[heapSlot[first + 1]!]! < slotTie[heapSlot[first]!]!);
      let b = first + 2 + +(t3 < t2);
      if (t3 === t2) {
        b = first + 2 + +(slotTie[heapSlot[first + 3]!]! < slotTie[heapSlot[first + 2]!]!);
      }
      const ta = heapTime[a]!;
      const tb = heapTime[b]!;
      let child = a + ((b - a) & -+(tb < ta));
      if (tb === ta && slotTie[heapSlot[b]!]! < slotTie[heapSlot[a]!]!) child = b;
      const ct = heapTime[child]!;
      const cs = heapSlot[child]!;
      if (time < ct || (time === ct && tie < slotTie[cs]!)) break;
      heapTime[pos] = ct;
      heapSlot[pos] = cs;
      slotPos[cs] = pos;
      pos = child;
    }
    heapTime[pos] = time;
    heapSlot[pos] = slot;
    slotPos[slot] = pos;
  }

  private grow(): void {
    // Slot numbers must fit in a handle's low 24 bits, and slot 0 is the sentinel's.
    const next = Math.min(this.capacity * 2, SLOT_LIMIT - 1);
    if (next === this.capacity) throw new RangeError(`more than ${next} events pending`);
    const heapTime = new Float64Array(next + ROOT + SENTINELS).fill(Infinity);
    heapTime.set(this.heapTime);
    this.heapTime = heapTime;
    const heapSlot = new Int32Array(next + ROOT + SENTINELS).fill(SENTINEL_SLOT);
    heapSlot.set(this.heapSlot);
    this.heapSlot = heapSlot;
    const slotPos = new Int32Array(next + 1).fill(-1);
    slotPos.set(this.slotPos);
    this.slotPos = slotPos;
    this.slotGen = widen(this.slotGen, new Int32Array(next + 1));
    this.slotTie = widen(this.slotTie, new Float64Array(next + 1));
    this.slotArg = widen(this.slotArg, new Float64Array(next + 1));
    this.freeSlots = widen(this.freeSlots, new Int32Array(next + 1));
    for (let i = this.capacity; i < next; i++) this.slotHandler.push(undefined);
    this.capacity = next;
  }
}

function widen<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
