import { describe, expect, it } from 'vitest';
import { readFigure } from '../../../testing/reportFigure';

const report = {
  sources: { customers: { latency: { p99: 0.0248, max: null } } },
  databases: { 'orders.db': { lostWrites: 0 } },
  warnings: ['x'],
};

describe('readFigure', () => {
  it('reads a figure by its dotted path, ids with dots included', () => {
    expect(readFigure(report, 'sources.customers.latency.p99')).toBe(0.0248);
    expect(readFigure(report, 'sources.customers.latency.max')).toBeNull();
    expect(readFigure(report, 'databases.orders.db.lostWrites')).toBe(0);
  });

  it('says what exists where a path goes wrong, and refuses what is no figure', () => {
    expect(() => readFigure(report, 'sources.clients.goodput')).toThrow(
      'figure "sources.clients.goodput": no "clients" in "sources"; it has customers',
    );
    expect(() => readFigure(report, 'sources.customers')).toThrow('is no number but {"latency"');
    expect(() => readFigure(report, 'sources.customers.latency.p99.x')).toThrow(
      '"sources.customers.latency.p99" is a value, not a section',
    );
  });
});
