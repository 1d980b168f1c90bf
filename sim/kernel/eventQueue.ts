import type { EventHandle } from './units';
export type EventHandler = (arg: number) => void;
const SLOT_BITS = 24;
const SLOT_LIMIT = 1 << SLOT_BITS;
const GENERATION_LIMIT = 1 << 28;
const PRIORITY_SCALE = 0x1_0000_0000_0000; // 2^48
export const MAX_PRIORITY = 31;
const ROOT = 1;

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
    this.keys = new Float64Array(2 * (this.capacity + ROOT + 1));
    this.keys[2 * ROOT] = Infinity;
    this.keys[2 * ROOT + 1] = Infinity;
    this.heapSlot = new Int32Array(this.capacity + ROOT + 1);
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
    return this.keys[2 * ROOT]!;
  }

  push(time: number, priority: number, handler: EventHandler, arg: number): EventHandle {
    if (this.end - ROOT === this.capacity) this.grow();
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.nextFreshSlot++;
    this.slotArg[slot] = arg;
    this.slotHandler[slot] = handler;
    const tie = priority * PRIORITY_SCALE + this.sequence++;
    const pos = this.end++;
    this.keys[2 * this.end] = Infinity;
    this.keys[2 * this.end + 1] = Infinity;
    this.siftUp(pos, time, tie, slot);
    return (this.slotGen[slot]! * SLOT_LIMIT + slot) as EventHandle;
  }

  cancel(handle: EventHandle): boolean {
    const slot = handle % SLOT_LIMIT;
    const generation = (handle - slot) / SLOT_LIMIT;
    if (slot >= this.nextFreshSlot || this.slotGen[slot] !== generation) return false;
    const pos = this.slotPos[slot]!;
    if (pos < 0) return false;
    this.releaseSlot(slot);
    const keys = this.keys;
    const last = --this.end;
    const t = keys[2 * last]!;
    const k = keys[2 * last + 1]!;
    const s = this.heapSlot[last]!;
    keys[2 * last] = Infinity;
    keys[2 * last + 1] = Infinity;
    if (pos !== last) {
      const parent = pos >> 1;
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
    const t = keys[2 * last]!;
    const k = keys[2 * last + 1]!;
    keys[2 * last] = Infinity;
    keys[2 * last + 1] = Infinity;
    if (last > ROOT) this.siftDown(ROOT, t, k, this.heapSlot[last]!);
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
      const parent = pos >> 1;
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
      let child = 2 * pos;
      if (child >= end) break;
      // The slot after the last is a +Infinity sentinel, so a missing right child never wins.
      const lt = keys[2 * child]!;
      const rt = keys[2 * child + 2]!;
      child += +(rt < lt) | (+(rt === lt) & +(keys[2 * child + 3]! < keys[2 * child + 1]!));
      const ct = keys[2 * child]!;
      const ck = keys[2 * child + 1]!;
      if (time < ct || (time === ct && tie < ck)) break;
      keys[2 * pos] = ct;
      keys[2 * pos + 1] = ck;
      const s = heapSlot[child]!;
      heapSlot[pos] = s;
      slotPos[s] = pos;
      pos = child;
    }
    keys[2 * pos] = time;
    keys[2 * pos + 1] = tie;
    heapSlot[pos] = slot;
    slotPos[slot] = pos;
  }

  private grow(): void {
    const next = this.capacity * 2;
    if (next > SLOT_LIMIT) throw new RangeError(`more than ${SLOT_LIMIT} events pending`);
    const keys = new Float64Array(2 * (next + ROOT + 1));
    keys.set(this.keys);
    this.keys = keys;
    const heapSlot = new Int32Array(next + ROOT + 1);
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
