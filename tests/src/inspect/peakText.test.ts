import { describe, expect, it } from 'vitest';
import { correlatedCase } from '../../../sim/inspect/correlatedArrivals';
import { PEAK_LEVELS, peakSmoothingPoint } from '../../../sim/inspect/peakSmoothing';
import { arrivalRows, CASE_TEXT, ratioText } from '../../../src/inspect/correlatedText';
import {
  countText,
  drainText,
  fluidCurve,
  levelText,
  peakRows,
  peakSummary,
  theorySecondsText,
} from '../../../src/inspect/peakText';

describe('peak-smoothing texts', () => {
  it('formats counts, levels and drain times the same in every locale', () => {
    expect(countText(14042)).toBe('14,042');
    expect(countText(999)).toBe('999');
    expect(countText(1_234_567.4)).toBe('1,234,567');
    expect(levelText(1.5)).toBe('1.5×');
    expect(drainText(null)).toBe('not drained by the end');
    expect(drainText(0)).toBe('none to drain');
    expect(drainText(15.25)).toBe('15.25 s');
    expect(theorySecondsText(40 / 3)).toBe('13.3 s');
  });

  it('the fluid curve rises through the burst and falls to zero, or to what is left at the end', () => {
    const three = peakSmoothingPoint(PEAK_LEVELS.indexOf(3), 1);
    expect(fluidCurve(three)).toEqual([
      [0, 0],
      [5, 0],
      [10, 4000],
      [10 + 40 / 3, 0],
      [45, 0],
    ]);
    const eight = peakSmoothingPoint(PEAK_LEVELS.indexOf(8), 1);
    // 14,000 messages draining at 300/s for the 35 s left: 3,500 still there at the end.
    expect(fluidCurve(eight).at(-1)).toEqual([45, 3500]);
    expect(fluidCurve(peakSmoothingPoint(0, 1))).toEqual([
      [0, 0],
      [45, 0],
    ]);
  });

  it('the table rows and the summary read the point', () => {
    const p = peakSmoothingPoint(PEAK_LEVELS.indexOf(2), 1);
    const rows = Object.fromEntries(peakRows(p).map((r) => [r.id, r]));
    expect(rows.backlog!.queue).toBe(countText(p.queue.peakBacklog));
    expect(rows.lost!.queue).toBe('0');
    expect(rows.drain!.sync).toBe(drainText(p.sync.drainTime));
    expect(peakSummary(p)).toMatch(/^At 800 orders\/s the queue holds up to [\d,]+ messages/);
    expect(peakSummary(peakSmoothingPoint(0, 1))).toMatch(/the consumers keep up/);
  });
});

describe('correlated-arrivals texts', () => {
  it('names every case and fills both columns of every row', () => {
    const c = correlatedCase('batch', 1);
    for (const row of arrivalRows(c.correlated, c.decorrelated)) {
      expect(row.correlated).not.toBe('');
      expect(row.decorrelated).not.toBe('');
    }
    expect(ratioText(c.correlated.peakToMean)).toMatch(/^\d+\.\d$/);
    for (const text of Object.values(CASE_TEXT)) expect(text.explain.length).toBeGreaterThan(50);
  });
});
