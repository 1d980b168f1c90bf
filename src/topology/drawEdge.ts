import * as d3 from 'd3';
import { arrowLabel, type DrawnEdge } from './edgeFigures';
import type { EdgePorts } from './edgePorts';
import { BOX_W, boxX, boxY } from './topologyGeometry';
import type { TopologyNode } from './topologyLayout';

/**
 * Draws one arrow, from its place on the right side of the box it leaves to its place on the
 * left side of the box it enters (edgePorts; a loop goes over the top), with an empty text for
 * its live rate (written by showEdgeFigures) and, on a station's arrow, what sends along it.
 */
export function drawEdge(
  edges: d3.Selection<SVGGElement, unknown, null, undefined>,
  drawn: DrawnEdge,
  from: TopologyNode,
  to: TopologyNode,
  ports: EdgePorts | undefined,
): void {
  const edge = drawn.edge;
  const path = d3.path();
  let label: [number, number] | null;
  let rate: [number, number];
  let anchor: 'middle' | 'end' = 'middle';
  let rateAnchor: 'start' | 'middle' | 'end' = 'middle';
  if (edge.back || !ports) {
    // Loops go over the top so they do not cross the forward arrows.
    const x0 = boxX(from) + BOX_W / 2 - 10;
    const x1 = boxX(to) + BOX_W / 2 + 10;
    const top = Math.min(boxY(from), boxY(to)) - 30;
    path.moveTo(x0, boxY(from));
    path.bezierCurveTo(x0, top, x1, top, x1, boxY(to));
    label = [(x0 + x1) / 2, top + 4];
    rate = [label[0], top - 8];
  } else {
    const { x0, y0, x1, y1, crowded } = ports;
    path.moveTo(x0, y0);
    path.bezierCurveTo((x0 + x1) / 2, y0, (x0 + x1) / 2, y1, x1, y1);
    // Next to the arrowhead, which no other arrow shares: what sends above it, the rate under
    // it, or only the rate where the arrows into the box are too close for two lines.
    anchor = 'end';
    label = crowded ? null : [x1 - 6, y1 - 5];
    rate = crowded ? [x1 - 6, y1 - 3] : [x1 - 6, y1 + 13];
    rateAnchor = 'end';
    // A source's rate at the arrow's start: several sources often enter one station.
    if (edge.fromKind === 'source') {
      rate = [x0 + 6, y0 - 5];
      rateAnchor = 'start';
    }
  }
  const parent = edges
    .append('g')
    .datum(drawn)
    .attr('class', 'topology-flow')
    .attr('data-testid', `topology-edge-${edge.fromKind}-${edge.from}-${edge.kind}-${edge.to}`)
    .attr('data-flow', drawn.flow);
  // Hovering an arrow names its ends and what sends along it, even where no label fits.
  parent.append('title').text(`${edge.from} → ${edge.to}: ${arrowLabel(drawn)}`);
  parent
    .append('path')
    .attr('d', path.toString())
    .attr('class', `topology-edge topology-edge-${edge.kind}`)
    .attr('marker-end', 'url(#topology-arrow)');
  // The measured rate along the arrow, written live (showEdgeFigures).
  parent
    .append('text')
    .attr('class', 'topology-edge-label topology-edge-rate')
    .attr('x', rate[0])
    .attr('y', rate[1])
    .attr('text-anchor', rateAnchor);
  if (edge.kind === 'source' || label === null) return;
  parent
    .append('text')
    .attr('class', 'topology-edge-label topology-edge-kind')
    .attr('x', label[0])
    .attr('y', label[1])
    .attr('text-anchor', anchor)
    .text(arrowLabel(drawn));
}
