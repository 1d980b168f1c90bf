import type { CallAdmission } from '../model/service/callAdmission';

/**
 * A call step's Resilience4j RateLimiter and semaphore Bulkhead, counted from t = 0 (like a
 * breaker's figures): what they let through, made wait, and refused.
 */
export interface CallLimitReport {
  rateLimiter?: {
    limitForPeriod: number;
    limitRefreshPeriod: number;
    timeoutDuration: number;
    acquiredAtOnce: number;
    acquiredAfterWait: number;
    /** RequestNotPermitted, after waiting timeoutDuration. */
    refused: number;
  };
  bulkhead?: {
    maxConcurrentCalls: number;
    maxWaitDuration: number;
    entered: number;
    /** BulkheadFullException: full with no wait allowed, or the wait ran out. */
    rejected: number;
    maxActiveSeen: number;
    /** At the end of the run. */
    active: number;
    waiting: number;
  };
}

export function callLimitReports(
  admissions: readonly CallAdmission[],
): Record<string, CallLimitReport> {
  const reports: Record<string, CallLimitReport> = {};
  for (const { name, limiter, bulkhead } of admissions) {
    const report: CallLimitReport = {};
    if (limiter) {
      report.rateLimiter = {
        ...limiter.config,
        acquiredAtOnce: limiter.acquiredAtOnce,
        acquiredAfterWait: limiter.acquiredAfterWait,
        refused: limiter.refused,
      };
    }
    if (bulkhead) {
      report.bulkhead = {
        ...bulkhead.config,
        entered: bulkhead.entered,
        rejected: bulkhead.rejected,
        maxActiveSeen: bulkhead.maxActiveSeen,
        active: bulkhead.active,
        waiting: bulkhead.waiting,
      };
    }
    reports[name] = report;
  }
  return reports;
}
