import { z } from 'zod';
import { integerAtLeast, nonNegativeNumber, numberInRange, positiveNumber } from './fields';

/**
 * A circuit breaker on a call. Every field left out takes Resilience4j's default
 * (SEMANTICS.md section 1); `preset: "hystrix"` starts from Hystrix's instead.
 */
export const BreakerSchema = z
  .strictObject({
    preset: z
      .enum(['resilience4j', 'hystrix'], { error: 'must be "resilience4j" or "hystrix"' })
      .default('resilience4j'),
    failureRateThreshold: numberInRange(0.001, 100, ' %').optional(),
    slowCallRateThreshold: numberInRange(0.001, 100, ' %').optional(),
    slowCallDurationThreshold: positiveNumber(' s').optional(),
    slidingWindowType: z
      .enum(['COUNT_BASED', 'TIME_BASED'], { error: 'must be "COUNT_BASED" or "TIME_BASED"' })
      .optional(),
    slidingWindowSize: integerAtLeast(1, 100_000).optional(),
    minimumNumberOfCalls: integerAtLeast(1, 100_000).optional(),
    waitDurationInOpenState: positiveNumber(' s').optional(),
    permittedNumberOfCallsInHalfOpenState: integerAtLeast(1, 100_000).optional(),
    maxWaitDurationInHalfOpenState: nonNegativeNumber(' s').optional(),
  })
  .describe('Circuit breaker with Resilience4j semantics: CLOSED, OPEN, HALF_OPEN.');

export type BreakerSpec = z.infer<typeof BreakerSchema>;
