import { CircuitBreaker, type CircuitBreakerConfig } from './circuitBreaker';

/**
 * Hystrix's breaker expressed with the Resilience4j-style `CircuitBreaker` (SEMANTICS.md section 1,
 * "Hystrix differences [S]", HystrixCommandProperties). Where Hystrix works differently:
 *
 * - Rolling window 10 s in 10 buckets: a TIME_BASED window of 10 one-second buckets. Hystrix's
 *   buckets roll from when its stream started, ours at whole simulated seconds.
 * - requestVolumeThreshold 20: minimumNumberOfCalls 20 (Hystrix does not trip below 20 requests).
 * - errorThresholdPercentage 50: failureRateThreshold 50. Hystrix truncates the error percentage to
 *   an int and trips when it is >= 50, which for a whole-number threshold is the same as comparing
 *   the exact rate.
 * - Timeouts and thread-pool/semaphore rejections count as errors in Hystrix: the caller must report
 *   them with `failed = true`. Hystrix has no slow-call rule; its execution timeout (1 s,
 *   `HYSTRIX_EXECUTION_TIMEOUT`) turns a slow call into a failure, so the caller cuts calls at 1 s
 *   and the slow-call rule is switched off here (threshold Infinity).
 * - Hystrix checks its health counts on a snapshot taken every 500 ms, so it can trip up to 0.5 s
 *   after the call that crossed the threshold; we decide on every recorded call.
 * - sleepWindow 5 s: waitDurationInOpenState 5. Both reopen to a probe only strictly after the wait
 *   (`currentTime > circuitOpenTime + sleepWindowTime`), when a call arrives.
 * - Half-open lets exactly one trial through: permittedNumberOfCallsInHalfOpenState 1, so the
 *   effective half-open minimum is min(20, 1) = 1 and that one result decides (success -> CLOSED
 *   with a fresh window, as Hystrix's resetStream; failure -> OPEN for another sleep window). A
 *   hung trial is ended by the execution timeout rather than maxWaitDurationInHalfOpenState.
 */
export const HYSTRIX_CIRCUIT_BREAKER: Readonly<CircuitBreakerConfig> = {
  failureRateThreshold: 50,
  slowCallRateThreshold: 100,
  slowCallDurationThreshold: Infinity,
  slidingWindowType: 'TIME_BASED',
  slidingWindowSize: 10,
  minimumNumberOfCalls: 20,
  waitDurationInOpenState: 5,
  permittedNumberOfCallsInHalfOpenState: 1,
  maxWaitDurationInHalfOpenState: 0,
  automaticTransitionFromOpenToHalfOpenEnabled: false,
};

/** execution.isolation.thread.timeoutInMilliseconds = 1000, in seconds. */
export const HYSTRIX_EXECUTION_TIMEOUT = 1;

/** execution.isolation.semaphore.maxConcurrentRequests, for a `SemaphoreBulkhead` in SEMAPHORE mode. */
export const HYSTRIX_SEMAPHORE_MAX_CONCURRENT = 10;

/** The Hystrix-like preset as a config, with optional overrides (e.g. a shorter sleep window). */
export function hystrixCircuitBreakerConfig(
  overrides: Partial<CircuitBreakerConfig> = {},
): CircuitBreakerConfig {
  return { ...HYSTRIX_CIRCUIT_BREAKER, ...overrides };
}

/** A breaker that behaves like Hystrix's HystrixCircuitBreakerImpl (see the notes above). */
export function hystrixCircuitBreaker(
  now = 0,
  overrides: Partial<CircuitBreakerConfig> = {},
): CircuitBreaker {
  return new CircuitBreaker(hystrixCircuitBreakerConfig(overrides), now);
}
