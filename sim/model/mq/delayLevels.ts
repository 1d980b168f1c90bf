/**
 * RocketMQ 4.x's 18 delay levels, in seconds (SEMANTICS.md section 6): level 1 = 1 s ... 18 = 2 h.
 * A consumer retry uses level 3 + reconsumeTimes (10 s, 30 s, 1 m ... 2 h); after 16 retries the
 * message goes to the dead-letter queue (about 4 h 46 m in all).
 */
export const DELAY_LEVELS_SECONDS = [
  1, 5, 10, 30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 1200, 1800, 3600, 7200,
] as const;

export const MAX_RECONSUME_TIMES = 16;

/** Seconds for delay level 1..18. */
export function delayOfLevel(level: number): number {
  const index = Math.min(Math.max(level, 1), DELAY_LEVELS_SECONDS.length) - 1;
  return DELAY_LEVELS_SECONDS[index]!;
}

/** Delay before the n-th retry (n = 1 for the first) of a message its consumer failed. */
export function retryDelay(reconsumeTimes: number): number {
  return delayOfLevel(3 + reconsumeTimes - 1);
}
