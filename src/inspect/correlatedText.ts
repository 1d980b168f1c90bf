import type { ArrivalRun, CorrelatedCase } from '../../sim/inspect/correlatedArrivals';
import { lagText } from './rawSeries';
import { countText } from './peakText';

/** How the view names a case, its two variants, and what it shows. */
export interface CaseText {
  name: string;
  correlated: string;
  decorrelated: string;
  explain: string;
}

export const CASE_TEXT: Record<CorrelatedCase, CaseText> = {
  retries: {
    name: 'Synchronised retries',
    correlated: 'fixed backoff, no jitter',
    decorrelated: 'full jitter',
    explain:
      'A push sends 600 users at once to a service that holds 48; those refused retry 0.1, 0.3, 0.7, 1.5 and 3.1 s later: with a fixed backoff they all come back in the same instant and are refused together again, while full jitter spreads each wave over its backoff so most get in.',
  },
  ttl: {
    name: 'TTLs expiring together',
    correlated: 'TTL 4 s, no jitter',
    decorrelated: 'TTL 4 s ± 25%',
    explain:
      'Four hundred keys cached at t = 0 with the same TTL all expire at t = 4 s, so for a moment every read misses and goes to the database; with ±25% TTL jitter the same misses spread over two seconds.',
  },
  batch: {
    name: 'Users arriving at once',
    correlated: 'groups of 100 each second',
    decorrelated: 'Poisson, same mean',
    explain:
      'The same 200 users a second on average, but half of them arrive in groups of 100 at the same instant (a notification, a sale opening): each group queues behind itself, where Poisson users barely wait.',
  },
};

/** "52.0" with one decimal: peaks over the mean. */
export const ratioText = (ratio: number): string => ratio.toFixed(1);

/** The figures of the two variants, in the rows of the view's table. */
export function arrivalRows(
  correlated: ArrivalRun,
  decorrelated: ArrivalRun,
): { id: string; label: string; correlated: string; decorrelated: string }[] {
  const row = (id: string, label: string, text: (r: ArrivalRun) => string) => ({
    id,
    label,
    correlated: text(correlated),
    decorrelated: text(decorrelated),
  });
  return [
    row('peak-to-mean', 'peak / mean per bucket', (r) => ratioText(r.peakToMean)),
    row('peak', 'busiest bucket', (r) => countText(r.peak)),
    row('total', 'counted in all', (r) => countText(r.total)),
    row('user-p99', "users' p99 response", (r) => lagText(r.userP99)),
    row('station-p99', 'p99 at the station', (r) => lagText(r.stationP99)),
    row('max-queue', 'longest queue', (r) => countText(r.maxQueue)),
    row('failures', 'requests failed', (r) => countText(r.failures)),
  ];
}
