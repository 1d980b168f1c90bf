import type * as d3 from 'd3';
import type { PlotBox } from './plotBox';

/**
 * The Inspect charts' axes: x along the bottom margin, y along the left one, and under the x axis
 * its title when there is one. Shared so every chart of the section places them the same way.
 */
export function drawAxes(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  box: PlotBox,
  bottom: d3.Axis<d3.NumberValue>,
  left: d3.Axis<d3.NumberValue>,
  title?: string,
): void {
  const { width, height, margin } = box;
  svg
    .append('g')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(bottom);
  svg.append('g').attr('transform', `translate(${margin.left},0)`).call(left);
  if (title === undefined) return;
  svg
    .append('text')
    .attr('class', 'axis-title')
    .attr('x', (margin.left + width - margin.right) / 2)
    .attr('y', height - 2)
    .attr('text-anchor', 'middle')
    .text(title);
}
