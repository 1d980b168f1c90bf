import * as d3 from 'd3';
import { drawEdge } from './drawEdge';
import { planEdges } from './edgeFigures';
import { edgePorts } from './edgePorts';
import type { NodeRef } from './nodeSettings';
import { BAR_W, BOX_H, BOX_W, boxX, boxY, nodeKey, topologySize } from './topologyGeometry';
import type { Topology, TopologyNode } from './topologyLayout';
import { appendArrowMarker } from '../components/arrowMarker';

/** The data-testid of a node's box: how the details panel finds it to give focus back. */
export const nodeTestId = (node: NodeRef) => `topology-${node.kind}-${node.id}`;

/**
 * Draws the topology into `node`, replacing what was there: arrows first, boxes over them, each
 * box a button (focusable, Enter or Space) that calls `select`. The live figures' elements are
 * drawn empty; showBoxFigures and showEdgeFigures fill them.
 */
export function drawTopology(
  node: SVGSVGElement | null,
  topo: Topology,
  select: (node: NodeRef) => void,
): void {
  const svg = d3.select(node);
  svg.selectAll('*').remove();
  const { width, height, top } = topologySize(topo);
  // Natural size, shrunk (never enlarged) to fit the panel by CSS.
  svg
    .attr('viewBox', `0 ${-top} ${width} ${height + top}`)
    .attr('width', width)
    .attr('height', height + top);

  appendArrowMarker(svg, 'topology-arrow', 'topology-arrowhead');

  const nodeByKey = new Map(topo.nodes.map((n) => [nodeKey(n.kind, n.id), n]));
  const edges = svg.append('g').attr('class', 'topology-edges');
  const nodeOf = (kind: string, id: string) => nodeByKey.get(nodeKey(kind, id));
  const arrows = planEdges(topo.edges);
  const ports = edgePorts(arrows, nodeOf);
  for (const drawn of arrows) {
    const from = nodeOf(drawn.edge.fromKind, drawn.edge.from);
    const to = nodeOf('station', drawn.edge.to);
    if (from && to) drawEdge(edges, drawn, from, to, ports.get(drawn));
  }

  const boxes = svg
    .append('g')
    .selectAll<SVGGElement, TopologyNode>('g')
    .data(topo.nodes)
    .join('g')
    .attr('class', (n) => `topology-node topology-${n.kind}`)
    .attr('data-testid', (n) => nodeTestId(n))
    .attr('transform', (n) => `translate(${boxX(n)},${boxY(n)})`)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-haspopup', 'dialog')
    .attr('aria-label', (n) => `${n.kind} ${n.id}`)
    .on('click', (_event, n) => select({ kind: n.kind, id: n.id }))
    .on('keydown', (event: KeyboardEvent, n) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      select({ kind: n.kind, id: n.id });
    });
  boxes
    .append('rect')
    .attr('class', 'topology-box')
    .attr('width', BOX_W)
    .attr('height', BOX_H)
    .attr('rx', (n) => (n.kind === 'source' ? BOX_H / 2 : 6));
  boxes
    .append('text')
    .attr('class', 'topology-title')
    .attr('x', BOX_W / 2)
    .attr('y', (n) => (n.kind === 'station' ? 18 : 32))
    .attr('text-anchor', 'middle')
    .text((n) => n.id);
  const stations = boxes.filter((n) => n.kind === 'station');
  for (const cls of ['topology-track', 'topology-fill']) {
    stations
      .append('rect')
      .attr('class', cls)
      .attr('x', 10)
      .attr('y', 27)
      .attr('width', cls === 'topology-track' ? BAR_W : 0)
      .attr('height', 12)
      .attr('rx', 2);
  }
  // The figures' lines: utilisation, the pool (a source's offered rate), a replica's or
  // consumer's lag.
  const line = (of: typeof boxes, cls: string, y: number | ((n: TopologyNode) => number)): void => {
    of.append('text')
      .attr('class', `topology-figure ${cls}`)
      .attr('x', BOX_W / 2)
      .attr('y', y)
      .attr('text-anchor', 'middle');
  };
  line(stations, 'topology-utilisation', 54);
  line(boxes, 'topology-queue', (n) => (n.kind === 'station' ? 70 : 52));
  line(stations, 'topology-lag', 86);
}
