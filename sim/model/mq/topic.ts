import type { Kernel } from '../../kernel/kernel';
import type { Network } from '../network/network';
import type { FailureReason, Requester } from '../network/requester';
import { MAX_RECONSUME_TIMES, retryDelay } from './delayLevels';

export interface TopicConfig {
  id: string;
  partitions: number;
  /** Consumer stations of the group; partition p is consumed by consumers[p % consumers.length]. */
  consumers: readonly number[];
  /** Endpoint of the consumer stations' programs that handles a message. */
  consumerEndpoint: number;
  /** Retry a failed message with RocketMQ's delay levels, then dead-letter it; false = drop it. */
  retry: boolean;
}

/**
 * A topic with partitions and one consumer group (Kafka / RocketMQ style). A message is a request
 * in the network: published with the producer's key, hashed to a partition, and queued at the
 * consumer that owns the partition. The consumer station's FIFO queue holds its partitions in
 * order, so ordering holds within a partition only, and the queue length is the consumer lag.
 * At least once: a failed message is redelivered later (a new delivery of the same message), and
 * after 16 retries it is dead-lettered, never silently lost.
 */
export class Topic implements Requester {
  private requesterIndex = -1;
  produced = 0;
  consumed = 0;
  /** Deliveries after a failure, dead-lettered messages, and messages waiting on a delay. */
  redelivered = 0;
  deadLettered = 0;
  delayed = 0;
  private readonly onDue = (message: number) => {
    this.delayed--;
    this.deliver(message);
  };

  constructor(
    readonly config: TopicConfig,
    private readonly kernel: Kernel,
    private readonly network: Network,
  ) {}

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
    const table = this.network.table;
    const message = this.network.allocate(this.requesterIndex);
    table.key[message] = key;
    table.originTime[message] = this.kernel.now;
    table.attempt[message] = 1;
    table.endpoint[message] = this.config.consumerEndpoint;
    table.deadline[message] = Infinity;
    this.produced++;
    if (delay > 0) {
      this.delayed++;
      this.kernel.schedule(delay, this.onDue, message);
    } else {
      this.deliver(message);
    }
  }

  partitionOf(key: number): number {
    // Keys are non-negative integers; a multiplicative (Fibonacci) hash spreads neighbouring ids.
    const hash = Math.imul(key >>> 0, 0x9e3779b1) >>> 0;
    return Math.floor((hash / 4294967296) * this.config.partitions);
  }

  private deliver(message: number): void {
    const partition = this.partitionOf(this.network.table.key[message]!);
    const consumers = this.config.consumers;
    this.network.send(message, consumers[partition % consumers.length]!);
  }

  succeeded(_message: number): void {
    this.consumed++;
  }

  failed(message: number, _reason: FailureReason): void {
    const table = this.network.table;
    const attempt = table.attempt[message]!;
    if (!this.config.retry) {
      this.deadLettered++;
      return;
    }
    if (attempt > MAX_RECONSUME_TIMES) {
      this.deadLettered++;
      return;
    }
    // A retry is a new delivery of the same message (RocketMQ gives it a new id).
    const retry = this.network.allocate(this.requesterIndex);
    table.key[retry] = table.key[message]!;
    table.originTime[retry] = table.originTime[message]!;
    table.attempt[retry] = attempt + 1;
    table.endpoint[retry] = table.endpoint[message]!;
    table.deadline[retry] = Infinity;
    this.redelivered++;
    this.delayed++;
    this.kernel.schedule(retryDelay(attempt), this.onDue, retry);
  }
}
