import type { EventHandle } from './units';

/** What an event runs: a callback bound once by its component, plus a numeric argument. */
export type EventHandler = (arg: number) => void;

/**
 * Future-event list: a binary min-heap over typed arrays, ordered by (time, priority, sequence).
 *
 * Why typed arrays: a heap of JS objects was 2 to 13 times slower once 100,000 events were pending
 * (issue 2's measurements), and every scheduled object is garbage later. Here an event is a slot in
 * parallel arrays; slots are recycled through a free list, so the hot path allocates nothing.
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
const PRIORITY_SCALE = 2 ** 48;
export const MAX_PRIORITY = 31;

export class EventQueue {
  private capacity: number;
  // Heap arrays, indexed by heap position.
  private heapTime: Float64Array;
  private heapTie: Float64Array;
  private heapSlot: Int32Array;
  // Slot arrays, indexed by slot.
  private slotPos: Int32Array; // heap position of the slot, -1 when free
  private slotGen: Int32Array;
  private slotArg: Float64Array;
  private slotHandler: (EventHandler | undefined)[];
  private freeSlots: Int32Array;
  private freeCount: number;
  private nextFreshSlot = 0;
  private sequence = 0;
  private count = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    this.heapTime = new Float64Array(this.capacity);
    this.heapTie = new Float64Array(this.capacity);
    this.heapSlot = new Int32Array(this.capacity);
    this.slotPos = new Int32Array(this.capacity).fill(-1);
    this.slotGen = new Int32Array(this.capacity);
    this.slotArg = new Float64Array(this.capacity);
    this.slotHandler = new Array<EventHandler | undefined>(this.capacity).fill(undefined);
    this.freeSlots = new Int32Array(this.capacity);
    this.freeCount = 0;
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest pending event, or Infinity when none is pending. */
  peekTime(): number {
    return this.count > 0 ? this.heapTime[0]! : Infinity;
  }

  push(time: number, priority: number, handler: EventHandler, arg: number): EventHandle {
    if (this.count === this.capacity) this.grow();
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.nextFreshSlot++;
    this.slotArg[slot] = arg;
    this.slotHandler[slot] = handler;
    const tie = priority * PRIORITY_SCALE + this.sequence++;
    this.siftUp(this.count++, time, tie, slot);
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
    const lastPos = --this.count;
    if (pos !== lastPos) {
      const t = this.heapTime[lastPos]!;
      const k = this.heapTie[lastPos]!;
      const s = this.heapSlot[lastPos]!;
      // The moved element may belong above or below the hole.
      if (pos > 0 && this.less(t, k, (pos - 1) >> 1)) this.siftUp(pos, t, k, s);
      else this.siftDown(pos, t, k, s);
    }
    return true;
  }

  /**
   * Removes the earliest event and makes it current: afterwards `poppedTime`, `poppedHandler`
   * and `poppedArg` describe it. Split this way so the caller allocates nothing per event.
   */
  pop(): boolean {
    if (this.count === 0) return false;
    const slot = this.heapSlot[0]!;
    this.poppedTime = this.heapTime[0]!;
    this.poppedArg = this.slotArg[slot]!;
    this.poppedHandler = this.slotHandler[slot]!;
    this.releaseSlot(slot);
    const lastPos = --this.count;
    if (lastPos > 0) {
      this.siftDown(0, this.heapTime[lastPos]!, this.heapTie[lastPos]!, this.heapSlot[lastPos]!);
    }
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

  private less(time: number, tie: number, pos: number): boolean {
    const other = this.heapTime[pos]!;
    return time < other || (time === other && tie < this.heapTie[pos]!);
  }

  private place(pos: number, time: number, tie: number, slot: number): void {
    this.heapTime[pos] = time;
    this.heapTie[pos] = tie;
    this.heapSlot[pos] = slot;
    this.slotPos[slot] = pos;
  }

  private siftUp(pos: number, time: number, tie: number, slot: number): void {
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!this.less(time, tie, parent)) break;
      this.place(pos, this.heapTime[parent]!, this.heapTie[parent]!, this.heapSlot[parent]!);
      pos = parent;
    }
    this.place(pos, time, tie, slot);
  }

  private siftDown(pos: number, time: number, tie: number, slot: number): void {
    const n = this.count;
    const heapTime = this.heapTime;
    const heapTie = this.heapTie;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= n) break;
      const right = child + 1;
      if (
        right < n &&
        (heapTime[right]! < heapTime[child]! ||
          (heapTime[right] === heapTime[child] && heapTie[right]! < heapTie[child]!))
      ) {
        child = right;
      }
      const ct = heapTime[child]!;
      if (time < ct || (time === ct && tie < heapTie[child]!)) break;
      this.place(pos, ct, heapTie[child]!, this.heapSlot[child]!);
      pos = child;
    }
    this.place(pos, time, tie, slot);
  }

  private grow(): void {
    const next = this.capacity * 2;
    if (next > SLOT_LIMIT) throw new RangeError(`more than ${SLOT_LIMIT} events pending`);
    const widen = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(next);
      b.set(a);
      return b;
    };
    this.heapTime = widen(this.heapTime, (n) => new Float64Array(n));
    this.heapTie = widen(this.heapTie, (n) => new Float64Array(n));
    this.heapSlot = widen(this.heapSlot, (n) => new Int32Array(n));
    const pos = new Int32Array(next).fill(-1);
    pos.set(this.slotPos);
    this.slotPos = pos;
    this.slotGen = widen(this.slotGen, (n) => new Int32Array(n));
    this.slotArg = widen(this.slotArg, (n) => new Float64Array(n));
    this.freeSlots = widen(this.freeSlots, (n) => new Int32Array(n));
    for (let i = this.capacity; i < next; i++) this.slotHandler.push(undefined);
    this.capacity = next;
  }
}
