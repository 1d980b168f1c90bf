import { CONSUMER_ENDPOINT, consumerStation, MAX_PARTITIONS } from '../componentDefaults';
import {
  append,
  asRecord,
  checked,
  copyOf,
  findItem,
  freshId,
  freshName,
  type DesignDoc,
  type JsonObject,
  type OperationResult,
} from '../designDoc';

export interface TopicOptions {
  partitions: number;
  /** An existing service to consume it (a queue between two services); omitted = a new one. */
  consumer?: string | undefined;
}

/**
 * Adds a topic with one consumer group. Offsets are committed every 5 s, Kafka's auto-commit
 * default (SEMANTICS.md section 6), which the schema fills in; failed messages are redelivered
 * on RocketMQ's delay levels.
 */
export function addTopic(doc: DesignDoc, options: TopicOptions): OperationResult {
  const { partitions, consumer } = options;
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > MAX_PARTITIONS) {
    return {
      ok: false,
      error: `Partitions must be an integer from 1 to ${MAX_PARTITIONS}, got ${partitions}`,
    };
  }
  const next = copyOf(doc);
  const id = freshId(doc, 'topic');
  const topic: JsonObject = { id, partitions };
  if (consumer === undefined) {
    const consumerId = freshName(doc, `${id}-consumer`);
    topic.consumers = [consumerId];
    topic.consumerEndpoint = CONSUMER_ENDPOINT;
    append(next, 'stations', consumerStation(consumerId));
  } else {
    const station = findItem(doc, 'stations', consumer);
    if (!station) return { ok: false, error: `Cannot add a topic: no service "${consumer}"` };
    topic.consumers = [consumer];
    // The consumer handles a message on its first endpoint; a plain station just serves it.
    const [endpoint] = Object.keys(asRecord(station.endpoints));
    if (endpoint !== undefined) topic.consumerEndpoint = endpoint;
  }
  append(next, 'topics', topic);
  return checked(doc, next, `add topic "${id}"`, { kind: 'topic', id });
}
