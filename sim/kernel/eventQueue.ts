import type { EventHandle } from './units';

/** What an event runs: a callback bound once by its component, plus a numeric argument. */
export type EventHandler = (arg: number) => void;

const SLOT_BITS = 24;
const SLOT_LIMIT = 1 << SLOT_BITS;
const GENERATION_LIMIT = 1 << 28;
const PRIORITY_SCALE = 2 ** 48;
export const MAX_PRIORITY = 31;
const ROOT = 3;

export class EventQueue {
  private capacity: number;
  private keys: Float64Array;
  private heapSlot: Int32Array;
  private slotPos: Int32Array;
  private slotGen: Int32Array;
  private slotArg: Float64Array;
  private slotHandler: (EventHandler | undefined)[];
  private freeSlots: Int32Array;
  private freeCount: number;
  private nextFreshSlot = 0;
  private sequence = 0;
  private end = ROOT;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    this.keys = new Float64Array(2 * (this.capacity + ROOT));
    this.heapSlot = new Int32Array(this.capacity + ROOT);
    this.slotPos = new Int32Array(this.capacity).fill(-1);
    this.slotGen = new Int32Array(this.capacity);
    this.slotArg = new Float64Array(this.capacity);
    this.slotHandler = [];
    for (let i = 0; i < this.capacity; i++) this.slotHandler.push(undefined);
    this.freeSlots = new Int32Array(this.capacity);
    this.freeCount = 0;
  }

  get size(): number {
    return this.end - ROOT;
  }

  peekTime(): number {
    return this.end > ROOT ? this.keys[2 * ROOT]! : Infinity;
  }

  push(time: number, priority: number, handler: EventHandler, arg: number): EventHandle {
    if (this.end - ROOT === this.capacity) this.grow();
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.nextFreshSlot++;
    this.slotArg[slot] = arg;
    this.slotHandler[slot] = handler;
    const tie = priority * PRIORITY_SCALE + this.sequence++;
    this.siftUp(this.end++, time, tie, slot);
    return (this.slotGen[slot]! * SLOT_LIMIT + slot) as EventHandle;
  }

  cancel(handle: EventHandle): boolean {
    const slot = handle % SLOT_LIMIT;
    const generation = (handle - slot) / SLOT_LIMIT;
    if (slot >= this.nextFreshSlot || this.slotGen[slot] !== generation) return false;
    const pos = this.slotPos[slot]!;
    if (pos < 0) return false;
    this.releaseSlot(slot);
    const last = --this.end;
    if (pos !== last) {
      const keys = this.keys;
      const t = keys[2 * last]!;
      const k = keys[2 * last + 1]!;
      const s = this.heapSlot[last]!;
      const parent = (pos >> 2) + 2;
      if (
        pos > ROOT &&
        (t < keys[2 * parent]! || (t === keys[2 * parent]! && k < keys[2 * parent + 1]!))
      ) {
        this.siftUp(pos, t, k, s);
      } else {
        this.siftDown(pos, t, k, s);
      }
    }
    return true;
  }

  pop(): boolean {
    if (this.end === ROOT) return false;
    const keys = this.keys;
    const slot = this.heapSlot[ROOT]!;
    this.poppedTime = keys[2 * ROOT]!;
    this.poppedArg = this.slotArg[slot]!;
    this.poppedHandler = this.slotHandler[slot]!;
    this.releaseSlot(slot);
    const last = --this.end;
    if (last > ROOT)
      this.siftDown(ROOT, keys[2 * last]!, keys[2 * last + 1]!, this.heapSlot[last]!);
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

  private siftUp(pos: number, time: number, tie: number, slot: number): void {
    const keys = this.keys;
    const heapSlot = this.heapSlot;
    const slotPos = this.slotPos;
    while (pos > ROOT) {
      const parent = (pos >> 2) + 2;
      const pt = keys[2 * parent]!;
      if (time > pt || (time === pt && tie > keys[2 * parent + 1]!)) break;
      keys[2 * pos] = pt;
      keys[2 * pos + 1] = keys[2 * parent + 1]!;
      const s = heapSlot[parent]!;
      heapSlot[pos] = s;
      slotPos[s] = pos;
      pos = parent;
    }
    keys[2 * pos] = time;
    keys[2 * pos + 1] = tie;
    heapSlot[pos] = slot;
    slotPos[slot] = pos;
  }

  private siftDown(pos: number, time: number, tie: number, slot: number): void {
    const keys = this.keys;
    const heapSlot = this.heapSlot;
    const slotPos = this.slotPos;
    const end = this.end;
    for (;;) {
      const first = 4 * pos - 8;
      if (first >= end) break;
      let best = first;
      let bt = keys[2 * first]!;
      let bk = keys[2 * first + 1]!;
      const stop = first + 4 < end ? first + 4 : end;
      for (let c = first + 1; c < stop; c++) {
        const ct = keys[2 * c]!;
        if (ct < bt || (ct === bt && keys[2 * c + 1]! < bk)) {
          best = c;
          bt = ct;
          bk = keys[2 * c + 1]!;
        }
      }
      if (time < bt || (time === bt && tie < bk)) break;
      keys[2 * pos] = bt;
      keys[2 * pos + 1] = bk;
      const s = heapSlot[best]!;
      heapSlot[pos] = s;
      slotPos[s] = pos;
      pos = best;
    }
    keys[2 * pos] = time;
    keys[2 * pos + 1] = tie;
    heapSlot[pos] = slot;
    slotPos[slot] = pos;
  }

  private grow(): void {
    const next = this.capacity * 2;
    if (next > SLOT_LIMIT) throw new RangeError(`more than ${SLOT_LIMIT} events pending`);
    const keys = new Float64Array(2 * (next + ROOT));
    keys.set(this.keys);
    this.keys = keys;
    const heapSlot = new Int32Array(next + ROOT);
    heapSlot.set(this.heapSlot);
    this.heapSlot = heapSlot;
    const pos = new Int32Array(next).fill(-1);
    pos.set(this.slotPos);
    this.slotPos = pos;
    const gen = new Int32Array(next);
    gen.set(this.slotGen);
    this.slotGen = gen;
    const arg = new Float64Array(next);
    arg.set(this.slotArg);
    this.slotArg = arg;
    const free = new Int32Array(next);
    free.set(this.freeSlots);
    this.freeSlots = free;
    for (let i = this.capacity; i < next; i++) this.slotHandler.push(undefined);
    this.capacity = next;
  }
}
