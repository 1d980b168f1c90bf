import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../sim/trace/traceTypes';
import { waterfallRows } from '../../../src/traces/waterfallRows';
import { formatMs } from '../../../src/traces/traceFormat';

/** A request rejected once, retried after 0.5 s, then served with one cache call. */
const retried: Trace = {
  id: 7,
  source: 'users',
  start: 10,
  end: 10.6,
  latency: 0.6,
  outcome: 'ok',
  complete: true,
  attempts: [
    { number: 1, sent: 10, ended: 10, outcome: 'rejected', backoff: 0 },
    { number: 2, sent: 10.5, ended: 10.6, outcome: 'ok', backoff: 0.5 },
  ],
  hops: [
    {
      station: 'api',
      call: '',
      parent: -1,
      depth: 0,
      attempt: 0,
      arrived: 10,
      started: null,
      ended: 10,
      outcome: 'rejected',
      notes: [],
    },
    {
      station: 'api',
      call: '',
      parent: -1,
      depth: 0,
      attempt: 1,
      arrived: 10.5,
      started: 10.52,
      ended: 10.6,
      outcome: 'ok',
      notes: [],
    },
    {
      station: 'redis-0',
      call: 'cache lookup',
      parent: 1,
      depth: 1,
      attempt: 1,
      arrived: 10.53,
      started: 10.53,
      ended: 10.54,
      outcome: 'ok',
      notes: [{ kind: 'cacheHit', label: 'HIT' }],
    },
  ],
};

describe('waterfall rows', () => {
  it('lists each attempt, the backoff before the retry, and calls under their visit', () => {
    const rows = waterfallRows(retried);
    expect(rows.map((r) => [r.kind, r.label, r.depth, r.badges])).toEqual([
      ['hop', 'api', 0, ['REJECTED']],
      ['backoff', 'backoff before retry #1', 0, ['retry #1', '500.0 ms']],
      ['hop', 'api', 0, []],
      ['hop', 'cache lookup → redis-0', 1, ['HIT']],
    ]);
    expect(rows[2]!.queued).toBeCloseTo(0.02, 12);
    expect(rows[2]!.service).toBeCloseTo(0.08, 12);
  });

  it('top-level bars and backoffs add up to the latency shown', () => {
    const rows = waterfallRows(retried);
    const sum = rows.filter((r) => r.depth === 0).reduce((s, r) => s + r.queued + r.service, 0);
    expect(sum).toBeCloseTo(retried.latency, 12);
  });

  it('formats milliseconds to a precision that suits the size', () => {
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(0.00001234)).toBe('0.012 ms');
    expect(formatMs(0.0034)).toBe('3.40 ms');
    expect(formatMs(0.6699)).toBe('669.9 ms');
    expect(formatMs(1.25)).toBe('1,250 ms');
  });
});
