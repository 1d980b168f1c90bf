import type { Kernel } from '../../kernel/kernel';
import type { Network } from '../network/network';
import type { FailureReason, Requester } from '../network/requester';
import { MAX_RECONSUME_TIMES, retryDelay } from './delayLevels';
import { DONE, HANDLED, PartitionLog } from './partitionLog';

export interface TopicConfig {
  id: string;
  partitions: number;
  /** Consumer stations of the group; partition p is consumed by consumers[p % consumers.length]. */
  consumers: readonly number[];
  /** Endpoint of the consumer stations' programs that handles a message. */
  consumerEndpoint: number;
  /** Retry a failed message with RocketMQ's delay levels, then dead-letter it; false = drop it. */
  retry: boolean;
  /** Seconds between offset commits (Kafka's auto.commit.interval.ms). */
  commitInterval: number;
  /** Also commit once this many messages of a partition were processed; Infinity = never. */
  commitBatch: number;
}

/** Hears what happens to a topic's messages (a search index fed from it, a test). */
export interface TopicObserver {
  published(key: number, now: number): void;
  /** A message was processed; `duplicate` when its group had processed it before. */
  consumed(key: number, now: number, partition: number, offset: number, duplicate: boolean): void;
}

/**
 * A topic with partitions and one consumer group (Kafka / RocketMQ style). A message is hashed by
 * its key to a partition and appended to that partition's log; the consumer that owns the
 * partition gets its messages one at a time, in offset order, so ordering holds within a partition
 * only (SEMANTICS.md section 6) and the backlog waits in the log, not in the consumer's memory.
 *
 * At least once: the group commits how far it has processed every `commitInterval` seconds, or
 * after `commitBatch` messages, and a consumer that crashes takes nothing with it but its place:
 * after the restart or rebalance delay its partitions are read again from the committed offset,
 * so what it processed since the last commit is delivered a second time (SEMANTICS.md section 6:
 * "commit after processing = at-least-once (a crash replays since the last commit)"). A failed
 * message is retried later as a new message and dead-lettered after 16 retries, never lost.
 */
export class Topic implements Requester {
  private requesterIndex = -1;
  private readonly logs: PartitionLog[];
  readonly observers: TopicObserver[] = [];
  produced = 0;
  /** Messages processed for the first time; duplicates are not counted again. */
  consumed = 0;
  /** Deliveries after a failure, dead-lettered messages, and messages waiting on a delay. */
  redelivered = 0;
  deadLettered = 0;
  delayed = 0;
  /** Every message handed to a consumer: first deliveries, retries and replays after a crash. */
  deliveries = 0;
  /** Deliveries of a message its group had already processed (replays after a crash). */
  duplicates = 0;
  crashes = 0;
  /** Processed but uncommitted messages a crash sent back: each is delivered once more. */
  rewound = 0;
  /** A delayed message waits in a request row, not yet in its partition, until it is due. */
  private readonly onDue = (waiting: number) => {
    const table = this.network.table;
    const key = table.key[waiting]!;
    const origin = table.originTime[waiting]!;
    const attempt = table.attempt[waiting]!;
    table.release(waiting);
    this.delayed--;
    this.append(key, origin, attempt);
  };
  private readonly onResume = (partition: number) => this.pump(partition);

  constructor(
    readonly config: TopicConfig,
    private readonly kernel: Kernel,
    private readonly network: Network,
  ) {
    this.logs = Array.from({ length: config.partitions }, () => new PartitionLog());
  }

  get id(): string {
    return this.config.id;
  }

  /** Messages published and not yet consumed (delayed and retrying ones included). */
  get lag(): number {
    return this.produced - this.consumed - this.deadLettered;
  }

  /** Publishes a message about `key`, delivered after `delay` seconds (0: at once). */
  publish(key: number, delay: number): void {
    if (this.requesterIndex < 0) this.requesterIndex = this.network.addRequester(this);
    const now = this.kernel.now;
    this.produced++;
    for (const observer of this.observers) observer.published(key, now);
    if (delay > 0) this.hold(key, now, 1, delay);
    else this.append(key, now, 1);
  }

  partitionOf(key: number): number {
    // Keys are non-negative integers; a multiplicative (Fibonacci) hash spreads neighbouring ids.
    const hash = Math.imul(key >>> 0, 0x9e3779b1) >>> 0;
    return Math.floor((hash / 4294967296) * this.config.partitions);
  }

  /**
   * The consumer station `consumer` crashes now: whatever it was working on is never
   * acknowledged, and its partitions wait `restartDelay` seconds, then resume from their
   * committed offsets.
   */
  crash(consumer: number, restartDelay: number): void {
    const now = this.kernel.now;
    const consumers = this.config.consumers;
    this.crashes++;
    this.logs.forEach((log, partition) => {
      if (consumers[partition % consumers.length] !== consumer) return;
      this.commitDue(log, now);
      this.rewound += log.rewind();
      log.pausedUntil = Math.max(log.pausedUntil, now + restartDelay);
      this.kernel.schedule(restartDelay, this.onResume, partition);
    });
  }

  succeeded(message: number): void {
    const partition = this.partitionOf(this.network.table.key[message]!);
    const log = this.logs[partition]!;
    // Not the partition's message in flight: its consumer crashed meanwhile, nobody acks it.
    if (log.inFlight !== message) return;
    const now = this.kernel.now;
    this.commitDue(log, now);
    const offset = log.next - 1;
    const i = log.indexOf(offset);
    const duplicate = (log.flags[i]! & HANDLED) !== 0;
    if (!duplicate) this.consumed++;
    this.processed(log, i);
    for (const observer of this.observers) {
      observer.consumed(log.key[i]!, now, partition, offset, duplicate);
    }
    this.pump(partition);
  }

  failed(message: number, _reason: FailureReason): void {
    const partition = this.partitionOf(this.network.table.key[message]!);
    const log = this.logs[partition]!;
    if (log.inFlight !== message) return;
    this.commitDue(log, this.kernel.now);
    const i = log.indexOf(log.next - 1);
    // A duplicate that fails starts no second retry chain: the first one carries the message.
    if ((log.flags[i]! & HANDLED) === 0) {
      const attempt = log.attempt[i]!;
      if (!this.config.retry || attempt > MAX_RECONSUME_TIMES) {
        this.deadLettered++;
      } else {
        // A retry is a new message (RocketMQ gives it a new id); the original counts as handled.
        this.redelivered++;
        this.hold(log.key[i]!, log.origin[i]!, attempt + 1, retryDelay(attempt));
      }
    }
    this.processed(log, i);
    this.pump(partition);
  }

  private processed(log: PartitionLog, i: number): void {
    log.flags[i] = DONE | HANDLED;
    log.inFlight = -1;
    if (++log.sinceCommit >= this.config.commitBatch) log.commit();
  }

  /**
   * Applies the interval commit that fell due since the log last changed. Commits happen at
   * multiples of commitInterval; worked out lazily, when the log is next touched, they need no
   * events of their own, and nothing a commit reads changes in between.
   */
  private commitDue(log: PartitionLog, now: number): void {
    const tick = Math.floor(now / this.config.commitInterval);
    if (tick > log.lastTick) {
      log.commit();
      log.lastTick = tick;
    }
  }

  private hold(key: number, origin: number, attempt: number, delay: number): void {
    const table = this.network.table;
    const waiting = this.network.allocate(this.requesterIndex);
    table.key[waiting] = key;
    table.originTime[waiting] = origin;
    table.attempt[waiting] = attempt;
    this.delayed++;
    this.kernel.schedule(delay, this.onDue, waiting);
  }

  private append(key: number, origin: number, attempt: number): void {
    const partition = this.partitionOf(key);
    this.logs[partition]!.append(key, origin, attempt);
    this.pump(partition);
  }

  /** Hands the partition's next message to its consumer if none is out and it is not paused. */
  private pump(partition: number): void {
    const log = this.logs[partition]!;
    // A consumer may answer at once (refused, or no work to do): the loop, not recursion, goes on.
    if (log.pumping) return;
    log.pumping = true;
    const network = this.network;
    const table = network.table;
    const consumers = this.config.consumers;
    const consumer = consumers[partition % consumers.length]!;
    while (log.inFlight < 0 && log.next < log.end && this.kernel.now >= log.pausedUntil) {
      const i = log.indexOf(log.next++);
      const message = network.allocate(this.requesterIndex);
      table.key[message] = log.key[i]!;
      table.originTime[message] = log.origin[i]!;
      table.attempt[message] = log.attempt[i]!;
      table.endpoint[message] = this.config.consumerEndpoint;
      table.deadline[message] = Infinity;
      log.inFlight = message;
      this.deliveries++;
      if ((log.flags[i]! & HANDLED) !== 0) this.duplicates++;
      network.send(message, consumer);
    }
    log.pumping = false;
  }
}
