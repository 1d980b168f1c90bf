import { formatAxisTime, timeTicks } from '../store/format';
import type { TimeRange } from '../store/zoomSlice';

/**
 * Ticks on the clock's steps (1 s, 15 min, 1 h...) inside `range`: the steps that would suit a
 * run as long as the range, placed at their multiples, so a zoom from 95 s to 130 s ticks at
 * 100, 110, 120, 130 rather than at 95 + k * 10.
 */
export function rangeTicks([from, to]: TimeRange, maxTicks: number): number[] {
  const span = to - from;
  const steps = timeTicks(span, maxTicks);
  const step = steps.length > 1 ? steps[1]! - steps[0]! : span;
  if (!(step > 0)) return [from];
  const ticks: number[] = [];
  for (let k = Math.ceil(from / step - 1e-9); k * step <= to + 1e-9; k++) {
    ticks.push(Number((k * step).toPrecision(12)));
  }
  return ticks;
}

/** A tick label in the style that suits the range shown (clock time for hours, else seconds). */
export const formatRangeTick = (t: number, [from, to]: TimeRange): string =>
  formatAxisTime(t, to - from);
