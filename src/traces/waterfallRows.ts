import type { Trace } from '../../sim/trace/traceTypes';
import { hopQueued, hopService } from '../../sim/trace/traceTypes';
import { formatMs, hopName } from './traceFormat';

/** One row of the waterfall: a station visit, or the backoff before a retry. */
export interface WaterfallRow {
  kind: 'hop' | 'backoff';
  depth: number;
  label: string;
  from: number;
  queued: number;
  service: number;
  badges: string[];
  tooltip: string;
}

/**
 * The rows in the order they are drawn: each attempt's visits, every call right under the visit
 * that made it (depth first), and the backoff before each retry.
 */
export function waterfallRows(trace: Trace): WaterfallRow[] {
  const rows: WaterfallRow[] = [];
  const children = new Map<number, number[]>();
  trace.hops.forEach((hop, i) => {
    const list = children.get(hop.parent) ?? [];
    list.push(i);
    children.set(hop.parent, list);
  });
  const visit = (i: number) => {
    const hop = trace.hops[i]!;
    const queued = hopQueued(hop);
    const service = hopService(hop);
    const badges = hop.notes.map((n) => n.label);
    if (hop.outcome !== 'ok') badges.unshift(hop.outcome.toUpperCase());
    rows.push({
      kind: 'hop',
      depth: hop.depth,
      label: hopName(hop),
      from: hop.arrived,
      queued,
      service,
      badges,
      tooltip: `${hopName(hop)}: queued ${formatMs(queued)}, in service ${formatMs(service)}, ${hop.outcome}`,
    });
    for (const child of children.get(i) ?? []) visit(child);
  };
  trace.attempts.forEach((attempt, a) => {
    if (a > 0) {
      rows.push({
        kind: 'backoff',
        depth: 0,
        label: `backoff before retry #${a}`,
        from: attempt.sent - attempt.backoff,
        queued: 0,
        service: attempt.backoff,
        badges: [`retry #${a}`, formatMs(attempt.backoff)],
        tooltip: `waited ${formatMs(attempt.backoff)} before attempt ${attempt.number}`,
      });
    }
    for (const i of children.get(-1) ?? []) if (trace.hops[i]!.attempt === a) visit(i);
  });
  return rows;
}
