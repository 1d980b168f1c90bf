import { describe, expect, it } from 'vitest';
import {
  formatAxisTime,
  formatClock,
  formatDuration,
  formatPercent,
  formatRate,
  formatTick,
  reportFileName,
  timeTicks,
} from '../../../src/store/format';

describe('formats', () => {
  it('clock: minutes and seconds to the millisecond, hours when needed, never 60 s', () => {
    expect(formatClock(0)).toBe('00:00.000');
    expect(formatClock(61.5)).toBe('01:01.500');
    expect(formatClock(59.9996)).toBe('01:00.000');
    expect(formatClock(10800)).toBe('3:00:00.000');
  });

  it('durations pick a unit', () => {
    expect(formatDuration(0.0021)).toBe('2.10 ms');
    expect(formatDuration(0.35)).toBe('350.0 ms');
    expect(formatDuration(5.01234)).toBe('5.012 s');
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(NaN)).toBe('–');
  });

  it('rates, percentages and axis numbers', () => {
    expect(formatRate(1234.4)).toBe('1,234');
    expect(formatRate(12.34)).toBe('12.3');
    expect(formatRate(0.8)).toBe('0.80');
    expect(formatPercent(0.8123)).toBe('81.2%');
    expect(formatTick(0.8)).toBe('0.8');
    expect(formatTick(800)).toBe('800');
    expect(formatTick(25000)).toBe('25k');
    expect(formatTick(2_500_000)).toBe('2.5M');
  });

  it('time ticks fall on clock steps and cover the run', () => {
    expect(timeTicks(10800, 8)).toEqual([0, 1800, 3600, 5400, 7200, 9000, 10800]);
    expect(timeTicks(300, 8)).toEqual([0, 60, 120, 180, 240, 300]);
    expect(formatAxisTime(5400, 10800)).toBe('1:30');
    expect(formatAxisTime(90, 600)).toBe('1:30');
    expect(formatAxisTime(2.5, 300)).toBe('2.5 s');
  });

  it('export file name', () => {
    expect(reportFileName('lunch-rush', 1)).toBe('lunch-rush-seed1.json');
  });
});
