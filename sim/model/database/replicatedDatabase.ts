import type { Distribution } from '../distributions/distribution';
import type { RandomStream } from '../../kernel/rng';
import { ApplyQueue } from './applyQueue';

export interface ReplicatedDatabaseConfig {
  id: string;
  /** Station indices: the master takes every write, replicas take reads. */
  master: number;
  replicas: readonly number[];
  /** Binlog shipping delay from master to replica (the IO thread), per write. */
  shipDelay: Distribution;
  /** Time a replica's single SQL thread needs to apply one write. */
  applyTime: Distribution;
  /** Where reads go: spread over the replicas, or all to the master. */
  readRouting: 'replicas' | 'master';
  /**
   * Read-your-writes by session stickiness: for this many seconds after a key was written, its
   * reads go to the master (SEMANTICS.md section 4: "route a session to the master for a while
   * after it writes"). 0 = off.
   */
  readYourWritesWindow: number;
}

/** Seconds after a key's last apply that its write history is kept (no read still in flight can be stale against it after that). */
const HISTORY_HORIZON = 10;
/**
 * A MySQL-style master with asynchronous replicas. Each replica applies the master's writes in
 * commit order on one SQL thread, so its replication lag is not a parameter: it emerges from the
 * write rate against the apply time, growing as the master's write load nears what one thread
 * can replay (SEMANTICS.md section 4: "large batch writes cause lag").
 *
 * Apply times follow from the commit times alone (apply end = max(previous apply end, commit +
 * ship delay) + apply time), so no events are needed. A read is stale when the replica answers
 * it before replaying the latest write to its key that had committed when the read was issued.
 * (A write committed after the read was issued may or may not be seen: either is correct.) So
 * each written key keeps its last two writes: the one before a read and the one that may follow.
 */
export class ReplicatedDatabase {
  /** Per replica: when its SQL thread finishes the last write it has been given. */
  private readonly applyEnd: Float64Array;
  /**
   * Per written key, its last two writes: [commit, arrival on each replica, apply end on each
   * replica] for the latest, then the same for the one before.
   */
  private readonly history = new Map<number, Float64Array>();
  private readonly lastWriteAt = new Map<number, number>();
  private nextReplica = 0;
  private nextPrune = HISTORY_HORIZON;

  writes = 0;
  reads = 0;
  readsFromMaster = 0;
  /** Reads a replica answered with a value older than the latest committed write. */
  staleReads = 0;
  /** Sum over writes and replicas of (apply end - commit): mean lag = lagSum / (writes * replicas). */
  lagSum = 0;
  lagSamples = 0;
  maxLag = 0;
  /**
   * The same per replica (index into `config.replicas`): the samples add up to `lagSamples`
   * exactly, the sums to `lagSum` up to rounding (the same terms, added in another order).
   */
  readonly replicaLagSum: Float64Array;
  readonly replicaLagSamples: Float64Array;
  readonly replicaMaxLag: Float64Array;
  /** Per replica, the writes its SQL thread has not yet applied: what its current lag reads. */
  private readonly pending: ApplyQueue[];
  /** The station taking writes now: the configured master until a failover promotes a replica. */
  master: number;
  /** Index of the promoted replica, -1 before any failover. */
  private promoted = -1;
  failovers = 0;
  /** Keys whose latest committed write had not reached the promoted replica: lost in failover. */
  lostWrites = 0;

  constructor(
    readonly config: ReplicatedDatabaseConfig,
    private readonly rng: RandomStream,
  ) {
    const n = config.replicas.length;
    this.applyEnd = new Float64Array(n);
    this.replicaLagSum = new Float64Array(n);
    this.replicaLagSamples = new Float64Array(n);
    this.replicaMaxLag = new Float64Array(n);
    this.pending = Array.from({ length: n }, () => new ApplyQueue());
    this.master = config.master;
  }

  /**
   * How far replica `r` (index into `config.replicas`) is behind at `now`, as MySQL's
   * Seconds_Behind_Source measures it (SEMANTICS.md section 4): now minus the commit time of the
   * write its SQL thread is applying, 0 once it has applied everything that reached it. Not the
   * lag of its last applied write, which stays put while the thread is stuck on a long one.
   */
  replicaLagAt(r: number, now: number): number {
    return this.pending[r]?.secondsBehindAt(now) ?? 0;
  }

  /** Numbers kept per write in `history`: its commit time, then arrival and apply end per replica. */
  private get block(): number {
    return 1 + 2 * this.config.replicas.length;
  }

  /** Keys whose recent writes are kept (for tests: the part of memory that must stay bounded). */
  get trackedKeys(): number {
    return this.history.size;
  }

  /** Writes replica `r` has been given and not yet applied (for tests: memory must stay bounded). */
  pendingOn(r: number): number {
    return this.pending[r]?.size ?? 0;
  }

  /** Replicas still serving reads (the promoted one has become the master). */
  private get readReplicas(): number {
    return this.config.replicas.length - (this.promoted >= 0 ? 1 : 0);
  }

  /**
   * Master failover: the master died at `crashedAt` and the first replica is promoted now. A
   * write the replica had received by the crash is in its relay log and gets applied; a key whose
   * latest committed write had not even been shipped to it by then loses that write, as with
   * asynchronous replication in MySQL (semi-sync would wait for the relay-log ack instead).
   */
  promote(crashedAt: number): void {
    if (this.promoted >= 0 || this.config.replicas.length === 0) return;
    const r = 0;
    const block = this.block;
    for (const writes of this.history.values()) {
      const base = writes[0]! <= crashedAt ? 0 : block;
      if (writes[base]! > -Infinity && writes[base + 1 + r]! > crashedAt) this.lostWrites++;
    }
    this.promoted = r;
    this.master = this.config.replicas[r]!;
    this.failovers++;
  }

  /** Station that should serve a read of `key` at `now`. */
  readTarget(key: number, now: number): number {
    const c = this.config;
    this.reads++;
    if (c.readRouting === 'master' || this.readReplicas === 0) {
      this.readsFromMaster++;
      return this.master;
    }
    if (c.readYourWritesWindow > 0) {
      const written = this.lastWriteAt.get(key);
      if (written !== undefined && now - written < c.readYourWritesWindow) {
        this.readsFromMaster++;
        return this.master;
      }
    }
    // Round robin, as a connection pool's load balancer would.
    if (this.nextReplica === this.promoted)
      this.nextReplica = (this.nextReplica + 1) % c.replicas.length;
    const replica = c.replicas[this.nextReplica]!;
    this.nextReplica = (this.nextReplica + 1) % c.replicas.length;
    return replica;
  }

  /** A write to `key` committed on the master at `now`: schedule its replay on every replica. */
  committed(key: number, now: number): void {
    const c = this.config;
    if (now >= this.nextPrune) this.prune(now);
    this.writes++;
    if (c.readYourWritesWindow > 0) this.lastWriteAt.set(key, now);
    const n = c.replicas.length;
    const block = this.block;
    let writes = this.history.get(key);
    if (writes === undefined) {
      writes = new Float64Array(2 * block).fill(-Infinity);
      this.history.set(key, writes);
    }
    writes.copyWithin(block, 0, block);
    writes[0] = now;
    for (let r = 0; r < n; r++) {
      if (r === this.promoted) continue;
      const arrives = now + c.shipDelay.sample(this.rng);
      const start = Math.max(this.applyEnd[r]!, arrives);
      const end = start + c.applyTime.sample(this.rng);
      this.applyEnd[r] = end;
      writes[1 + r] = arrives;
      writes[1 + n + r] = end;
      const lag = end - now;
      this.lagSum += lag;
      this.lagSamples++;
      if (lag > this.maxLag) this.maxLag = lag;
      this.replicaLagSum[r] = this.replicaLagSum[r]! + lag;
      this.replicaLagSamples[r] = this.replicaLagSamples[r]! + 1;
      if (lag > this.replicaMaxLag[r]!) this.replicaMaxLag[r] = lag;
      const pending = this.pending[r]!;
      pending.dropApplied(now);
      pending.push(now, start, end);
    }
  }

  /**
   * Forgets keys whose last write was applied on every replica more than HISTORY_HORIZON ago: no
   * read in flight can find them stale and no failover can lose them, so memory stays flat
   * however long the run (a lunch peak writes to hundreds of thousands of keys).
   */
  private prune(now: number): void {
    const n = this.config.replicas.length;
    const horizon = now - HISTORY_HORIZON;
    for (const [key, writes] of this.history) {
      let last = writes[0]!;
      for (let r = 0; r < n; r++) last = Math.max(last, writes[1 + n + r]!);
      if (last < horizon) this.history.delete(key);
    }
    const window = this.config.readYourWritesWindow;
    for (const [key, at] of this.lastWriteAt) if (at < now - window) this.lastWriteAt.delete(key);
    this.nextPrune = now + HISTORY_HORIZON / 4;
  }

  /** Station `served` answered at `now` a read of `key` issued at `issuedAt`: was it stale? */
  readAnswered(key: number, served: number, issuedAt: number, now: number): void {
    if (served === this.master) return;
    const writes = this.history.get(key);
    if (writes === undefined) return;
    const n = this.config.replicas.length;
    const r = this.config.replicas.indexOf(served);
    // The latest write the read must see: the newest one committed by the time it was issued.
    const base = writes[0]! <= issuedAt ? 0 : this.block;
    if (writes[base]! > -Infinity && writes[base + 1 + n + r]! > now) this.staleReads++;
  }
}
