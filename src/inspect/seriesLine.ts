import type * as d3 from 'd3';

/** How a line of an Inspect chart is drawn and named: its legend entry shows the same. */
export interface SeriesStyle {
  id: string;
  label: string;
  colour: string;
  /** SVG dash pattern, '' for solid: lines are told apart by dash as well as colour. */
  dash: string;
}

/**
 * One series of an Inspect chart as an unfilled line in a group named by its id (data-series);
 * the group is returned for markers on the line.
 */
export function appendSeriesLine<Datum>(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  style: SeriesStyle,
  data: Datum[],
  line: d3.Line<Datum>,
  strokeWidth: number,
): d3.Selection<SVGGElement, unknown, null, undefined> {
  const g = svg.append('g').attr('data-series', style.id);
  g.append('path')
    .datum(data)
    .attr('fill', 'none')
    .attr('stroke', style.colour)
    .attr('stroke-width', strokeWidth)
    .attr('stroke-dasharray', style.dash)
    .attr('d', line);
  return g;
}
