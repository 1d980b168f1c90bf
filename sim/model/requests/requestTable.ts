/** Where an attempt is right now. */
export const Place = {
  Free: 0,
  Queued: 1,
  InService: 2,
  /** Allocated but not at a station: about to be sent, waiting for a retry, or done. */
  Elsewhere: 3,
  /** Gave up while queued: still in the station's ring, freed when the ring reaches it. */
  Removed: 4,
} as const;

/**
 * Every request attempt in flight, as a struct of arrays indexed by a recycled id.
 *
 * Why not one object per request: at 200,000 requests per simulated second objects become garbage
 * collection work on the hot path; typed arrays plus a free list allocate only when the table
 * grows. An id is valid from `allocate()` until `release(id)`; callers keep ids, not rows.
 */
export class RequestTable {
  capacity: number;
  /** Time the logical request was first sent (end-to-end latency counts from here). */
  originTime: Float64Array;
  /** Absolute client deadline, Infinity when the client waits forever. */
  deadline: Float64Array;
  /** Time this attempt arrived at its current station. */
  arrivedAt: Float64Array;
  /** Time this attempt started service at its current station. */
  serviceStart: Float64Array;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: Int32Array;
  /** Index of the source that sent it. */
  source: Int32Array;
  /** Closed-loop client number, -1 for open sources. */
  client: Int32Array;
  /** Index of the station it is at, -1 between stations. */
  station: Int32Array;
  place: Uint8Array;
  /** 1 once the client stopped waiting for it (its deadline passed). */
  abandoned: Uint8Array;
  /** Pending completion event at the station. */
  completion: Float64Array;
  /** Pending deadline: a handle in the network's timeout list `timeoutList`, -1 when none. */
  timeout: Float64Array;
  timeoutList: Int32Array;
  /** The request whose service made this call, -1 for a request from a source. */
  parent: Int32Array;
  /** The call this request is waiting on, -1 when none. */
  child: Int32Array;
  /** Endpoint of the target station's program, and the program counter within it. */
  endpoint: Int32Array;
  step: Int32Array;
  /** Sub-step within a composite step (a cache read: lookup, load, fill). */
  phase: Uint8Array;
  /** The business key the request is about (user or order id); keys drive caches and shards. */
  key: Float64Array;
  /** Station the request's current call went to (a database read may go to any replica). */
  target: Int32Array;
  /** Priority class for load shedding: 0 critical, 1 degraded experience, 2 non-critical. */
  priority: Uint8Array;
  /** Version of the key's value this request carries (read from the database, or written). */
  version: Float64Array;
  /**
   * The logical request this attempt belongs to: numbered by its source, copied to its retries
   * and to the calls made while serving it, -1 for other requests (messages, order-flow calls).
   * Retries of one logical request share it, so it is what an idempotency key is made from.
   */
  logical: Float64Array;
  /** Set by a trace recorder (sim/trace) on rows it follows, 0 otherwise: its hooks test it. */
  traced: Uint8Array;
  /** The next logical request number: one sequence for the whole network, so numbers are unique. */
  nextLogical = 0;
  private free: Int32Array;
  private freeCount = 0;
  private fresh = 0;
  private live = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.originTime = new Float64Array(initialCapacity);
    this.deadline = new Float64Array(initialCapacity);
    this.arrivedAt = new Float64Array(initialCapacity);
    this.serviceStart = new Float64Array(initialCapacity);
    this.attempt = new Int32Array(initialCapacity);
    this.source = new Int32Array(initialCapacity);
    this.client = new Int32Array(initialCapacity);
    this.station = new Int32Array(initialCapacity);
    this.place = new Uint8Array(initialCapacity);
    this.abandoned = new Uint8Array(initialCapacity);
    this.completion = new Float64Array(initialCapacity);
    this.timeout = new Float64Array(initialCapacity);
    this.timeoutList = new Int32Array(initialCapacity);
    this.parent = new Int32Array(initialCapacity);
    this.child = new Int32Array(initialCapacity);
    this.endpoint = new Int32Array(initialCapacity);
    this.step = new Int32Array(initialCapacity);
    this.phase = new Uint8Array(initialCapacity);
    this.key = new Float64Array(initialCapacity);
    this.target = new Int32Array(initialCapacity);
    this.priority = new Uint8Array(initialCapacity);
    this.version = new Float64Array(initialCapacity);
    this.logical = new Float64Array(initialCapacity);
    this.traced = new Uint8Array(initialCapacity);
    this.free = new Int32Array(initialCapacity);
  }

  /** Attempts currently allocated. */
  get inFlight(): number {
    return this.live;
  }

  allocate(): number {
    if (this.freeCount === 0 && this.fresh === this.capacity) this.grow();
    const id = this.freeCount > 0 ? this.free[--this.freeCount]! : this.fresh++;
    this.live++;
    this.place[id] = Place.Elsewhere;
    this.abandoned[id] = 0;
    this.station[id] = -1;
    this.completion[id] = -1;
    this.timeout[id] = -1;
    this.client[id] = -1;
    this.parent[id] = -1;
    this.child[id] = -1;
    this.endpoint[id] = 0;
    this.step[id] = 0;
    this.phase[id] = 0;
    this.key[id] = 0;
    this.target[id] = -1;
    this.priority[id] = 0;
    this.logical[id] = -1;
    this.traced[id] = 0;
    return id;
  }

  release(id: number): void {
    this.place[id] = Place.Free;
    this.free[this.freeCount++] = id;
    this.live--;
  }

  private grow(): void {
    const n = this.capacity * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const u8 = (a: Uint8Array) => {
      const b = new Uint8Array(n);
      b.set(a);
      return b;
    };
    this.originTime = f64(this.originTime);
    this.deadline = f64(this.deadline);
    this.arrivedAt = f64(this.arrivedAt);
    this.serviceStart = f64(this.serviceStart);
    this.attempt = i32(this.attempt);
    this.source = i32(this.source);
    this.client = i32(this.client);
    this.station = i32(this.station);
    this.place = u8(this.place);
    this.abandoned = u8(this.abandoned);
    this.completion = f64(this.completion);
    this.timeout = f64(this.timeout);
    this.timeoutList = i32(this.timeoutList);
    this.parent = i32(this.parent);
    this.child = i32(this.child);
    this.endpoint = i32(this.endpoint);
    this.step = i32(this.step);
    this.phase = u8(this.phase);
    this.key = f64(this.key);
    this.target = i32(this.target);
    this.priority = u8(this.priority);
    this.version = f64(this.version);
    this.logical = f64(this.logical);
    this.traced = u8(this.traced);
    this.free = i32(this.free);
    this.capacity = n;
  }
}
