/** Cumulative counters of one order flow, from t = 0 (the report and the series read them). */
export class OrderStats {
  /** Requests that reached the flow (every client attempt). */
  requests = 0;
  /** Key checks that failed or timed out (the database did not answer): the client got an error. */
  keyCheckFailures = 0;
  /** Orders created: sagas started, one per processed idempotency key. */
  created = 0;
  completed = 0;
  compensated = 0;
  /** persistOrder refused for a business reason: nothing to undo (none in the current model). */
  rejected = 0;
  needsManualHandling = 0;
  /** Clients answered with the stored response of an earlier attempt (no side effect). */
  replaysServed = 0;
  /** 409: the key's first request was still in flight. */
  conflicts = 0;
  /** 400 idempotency_error: the key was first used with other parameters. */
  mismatches = 0;
  /** Clients told their order was accepted (201, replays not included). */
  acknowledged = 0;
  /** Stuck sagas the scheduled job declared lost (step.timedOut), driving them on or back. */
  compensationsByScanner = 0;
  /** notifyMerchant redeliveries on RocketMQ's delay schedule (the delayed-message path). */
  notifyRedeliveries = 0;
  /** Captures and refunds the payment provider applied (its own idempotency dedups retries). */
  paymentsCaptured = 0;
  paymentsRefunded = 0;
  /** Captures for a logical request that already had a captured order: a double charge. */
  doubleCaptures = 0;
  /** Orders created for a logical request that already had one (its key was gone). */
  duplicateOrders = 0;
  /** Saga calls delivered a second time by a duplicateCalls fault. */
  duplicatesDelivered = 0;
  /**
   * Deliveries a service recognised as seen before and applied no effect for (idempotent
   * consumers): copies, and retries or redeliveries of calls the service had already served.
   */
  duplicatesSuppressed = 0;
  /** Saga calls whose reply an instance crash lost. */
  lostReplies = 0;
}
