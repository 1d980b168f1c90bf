/**
 * RocketMQ 4.x delay levels (the broker's default `messageDelayLevel`, SEMANTICS.md section 6):
 * level 1..18 = 1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h. Index 0 is level 1.
 * In milliseconds, the unit of XState delays.
 */
export const ROCKETMQ_DELAY_LEVELS_MS: readonly number[] = Object.freeze([
  1_000, 5_000, 10_000, 30_000, 60_000, 120_000, 180_000, 240_000, 300_000, 360_000, 420_000,
  480_000, 540_000, 600_000, 1_200_000, 1_800_000, 3_600_000, 7_200_000,
]);

/** Redeliveries before a message goes to the dead-letter queue `%DLQ%<group>`. */
export const ROCKETMQ_MAX_RECONSUME_TIMES = 16;

/**
 * Delay before consumer retry n (1-based) in clustering mode: delay level 3 + reconsumeTimes, with
 * reconsumeTimes = n - 1, i.e. 10 s, 30 s, 1 m ... 2 h for n = 1..16 (4 h 45 m 40 s in all).
 */
export const ROCKETMQ_RETRY_DELAYS_MS: readonly number[] = Object.freeze(
  ROCKETMQ_DELAY_LEVELS_MS.slice(2, 2 + ROCKETMQ_MAX_RECONSUME_TIMES),
);
