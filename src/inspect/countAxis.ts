import * as d3 from 'd3';
import { countText } from './peakText';

/** A y axis of counts (backlog, arrivals), its ticks written as the section's tables write them. */
export function countAxis(
  y: d3.ScaleLinear<number, number>,
  ticks: number,
): d3.Axis<d3.NumberValue> {
  return d3
    .axisLeft(y)
    .ticks(ticks)
    .tickFormat((v) => countText(v as number));
}
