import { DELAY_LEVELS_SECONDS, MAX_RECONSUME_TIMES, retryDelay } from '../model/mq/delayLevels';
import { MS_PER_SECOND } from './kernelClock';

/**
 * RocketMQ 4.x delay levels (SEMANTICS.md section 6) in milliseconds, the unit of XState delays.
 * The table itself lives with the queue model (`sim/model/mq/delayLevels.ts`, in seconds); this
 * only converts it, so the saga's redeliveries and the queue's can never disagree.
 * Index 0 is level 1 (1 s); index 17 is level 18 (2 h).
 */
export const ROCKETMQ_DELAY_LEVELS_MS: readonly number[] = Object.freeze(
  DELAY_LEVELS_SECONDS.map((seconds) => seconds * MS_PER_SECOND),
);

/** Redeliveries before a message goes to the dead-letter queue `%DLQ%<group>`. */
export const ROCKETMQ_MAX_RECONSUME_TIMES = MAX_RECONSUME_TIMES;

/**
 * Delay before consumer retry n (1-based) in clustering mode: delay level 3 + reconsumeTimes, with
 * reconsumeTimes = n - 1, i.e. 10 s, 30 s, 1 m ... 2 h for n = 1..16 (4 h 45 m 40 s in all).
 */
export const ROCKETMQ_RETRY_DELAYS_MS: readonly number[] = Object.freeze(
  Array.from({ length: MAX_RECONSUME_TIMES }, (_, i) => retryDelay(i + 1) * MS_PER_SECOND),
);
