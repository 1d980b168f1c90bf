import { hopQueued, hopService, type Trace } from './traceTypes';

/** Float tolerance: the sums add up differences of the same clock readings. */
const EPSILON = 1e-9;

/**
 * Checks that a finished trace's time adds up exactly (see traceTypes.ts):
 *   latency = sum over attempts of (sum of its top-level hops' queued + service) + sum of backoffs,
 * with each attempt's top-level hops back to back from its send to its end, and every call's hop
 * inside the service of the hop that made it. Returns one message per broken rule, [] when exact.
 */
export function traceAccounting(trace: Trace, epsilon = EPSILON): string[] {
  const problems: string[] = [];
  const near = (a: number, b: number) => Math.abs(a - b) <= epsilon * Math.max(1, Math.abs(b));
  let total = 0;
  trace.attempts.forEach((attempt, i) => {
    const expectedSend = i === 0 ? trace.start : trace.attempts[i - 1]!.ended + attempt.backoff;
    if (!near(attempt.sent, expectedSend)) {
      problems.push(`attempt ${attempt.number} sent at ${attempt.sent}, expected ${expectedSend}`);
    }
    total += attempt.backoff;
    const top = trace.hops.filter((h) => h.depth === 0 && h.attempt === i);
    let at = attempt.sent;
    let span = 0;
    for (const hop of top) {
      if (!near(hop.arrived, at)) {
        problems.push(
          `attempt ${attempt.number}: hop at ${hop.station} arrived ${hop.arrived}, expected ${at}`,
        );
      }
      span += hopQueued(hop) + hopService(hop);
      at = hop.ended;
    }
    if (!near(attempt.sent + span, attempt.ended)) {
      problems.push(
        `attempt ${attempt.number}: hops add up to ${span} s, attempt lasted ${attempt.ended - attempt.sent} s`,
      );
    }
    total += span;
  });
  if (!near(total, trace.latency)) {
    problems.push(`hops and backoffs add up to ${total} s, latency is ${trace.latency} s`);
  }
  trace.hops.forEach((hop, i) => {
    if (hopQueued(hop) < -epsilon || hopService(hop) < -epsilon) {
      problems.push(`hop ${i} at ${hop.station} has a negative time`);
    }
    if (hop.parent < 0) return;
    const parent = trace.hops[hop.parent]!;
    const from = parent.started ?? Infinity;
    if (hop.arrived < from - epsilon || hop.ended > parent.ended + epsilon) {
      problems.push(`hop ${i} at ${hop.station} lies outside the service of hop ${hop.parent}`);
    }
  });
  return problems;
}
