/** A growable FIFO ring of request ids. */
export class FifoRing {
  private items: Int32Array;
  private head = 0;
  private tail = 0;
  private count = 0;

  constructor(initialCapacity = 64) {
    this.items = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  push(id: number): void {
    if (this.count === this.items.length) this.grow();
    this.items[this.tail] = id;
    this.tail = this.tail + 1 === this.items.length ? 0 : this.tail + 1;
    this.count++;
  }

  /** Removes and returns the oldest id; -1 when empty. */
  shift(): number {
    if (this.count === 0) return -1;
    const id = this.items[this.head]!;
    this.head = this.head + 1 === this.items.length ? 0 : this.head + 1;
    this.count--;
    return id;
  }

  private grow(): void {
    const next = new Int32Array(this.items.length * 2);
    for (let i = 0; i < this.count; i++) {
      next[i] = this.items[(this.head + i) % this.items.length]!;
    }
    this.items = next;
    this.head = 0;
    this.tail = this.count;
  }
}
