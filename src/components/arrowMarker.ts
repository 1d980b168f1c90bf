import type * as d3 from 'd3';

/**
 * Adds an arrowhead marker to an <svg> (`marker-end: url(#id)` on a path uses it); the head's
 * path gets `headClass`, for its fill. The topology and the design canvas draw the same head.
 */
export function appendArrowMarker<Svg extends SVGSVGElement | null>(
  svg: d3.Selection<Svg, unknown, null, undefined>,
  id: string,
  headClass: string,
): void {
  svg
    .append('defs')
    .append('marker')
    .attr('id', id)
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 10)
    .attr('refY', 5)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('d', 'M0,0L10,5L0,10z')
    .attr('class', headClass);
}
