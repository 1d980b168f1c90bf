/**
 * The obvious future-event list, for checking the real one against: an unsorted array, scanned
 * for the least (time, priority, insertion order) on every pop. Slow and clearly right.
 */
export interface ReferenceEvent {
  id: number;
  time: number;
  priority: number;
  sequence: number;
}

export class ReferenceQueue {
  private readonly events: ReferenceEvent[] = [];
  private sequence = 0;

  get size(): number {
    return this.events.length;
  }

  push(id: number, time: number, priority: number): void {
    this.events.push({ id, time, priority, sequence: this.sequence++ });
  }

  /** True when `id` was pending (and is now removed). */
  cancel(id: number): boolean {
    const index = this.events.findIndex((e) => e.id === id);
    if (index < 0) return false;
    this.events.splice(index, 1);
    return true;
  }

  peekTime(): number {
    const first = this.least();
    return first === undefined ? Infinity : this.events[first]!.time;
  }

  pop(): ReferenceEvent | undefined {
    const first = this.least();
    return first === undefined ? undefined : this.events.splice(first, 1)[0];
  }

  private least(): number | undefined {
    let best: number | undefined;
    this.events.forEach((e, i) => {
      if (best === undefined || before(e, this.events[best]!)) best = i;
    });
    return best;
  }
}

function before(a: ReferenceEvent, b: ReferenceEvent): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.sequence < b.sequence;
}
