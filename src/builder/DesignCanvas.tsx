import * as d3 from 'd3';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { OKABE_ITO } from '../charts/palette';
import { edgeShape, fanOffsets } from './canvasEdges';
import {
  BOX_H,
  BOX_W,
  canvasSize,
  clamped,
  gridPoint,
  keyMove,
  type Point,
  type Positions,
} from './canvasLayout';
import { KIND_LABEL, type ComponentKind, type ComponentRef, type DesignDoc } from './designDoc';
import { designGraph, nodeKey, type DesignGraph, type DesignNode } from './designGraph';
import { appendArrowMarker } from '../components/arrowMarker';

/** Each kind its own colour-blind-safe colour; the kind is also written in the box. */
const KIND_COLOUR: Record<ComponentKind, string> = {
  source: OKABE_ITO[3],
  station: OKABE_ITO[0],
  cache: OKABE_ITO[1],
  database: OKABE_ITO[2],
  topic: OKABE_ITO[4],
  table: OKABE_ITO[5],
  orders: OKABE_ITO[3],
  centre: '#666666',
};

/** What a component is made of, drawn dashed; calls and routes are solid. */
const MEMBERSHIP = new Set(['node', 'master', 'replica', 'consumer', 'shard', 'index', 'search']);

export const builderNodeTestId = (ref: ComponentRef) => `builder-node-${ref.kind}-${ref.id}`;

const shorten = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;

const pointOf = (positions: Positions, n: DesignNode): Point => positions[n.key] ?? gridPoint(n);

/** Boxes where `positions` puts them, the arrows and their labels between them, the canvas size. */
function place(svg: Svg, graph: DesignGraph, positions: Positions): void {
  svg.selectAll<SVGGElement, DesignNode>('g.builder-node').attr('transform', (n) => {
    const p = pointOf(positions, n);
    return `translate(${p.x},${p.y})`;
  });
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const offsets = fanOffsets(graph.edges);
  const layer = svg.select<SVGGElement>('g.builder-edges');
  layer.selectAll('*').remove();
  graph.edges.forEach((edge, i) => {
    const from = byKey.get(edge.from);
    const to = byKey.get(edge.to);
    if (!from || !to) return;
    const shape = edgeShape(pointOf(positions, from), pointOf(positions, to), offsets[i] ?? 0);
    const g = layer.append('g').attr('class', 'builder-link');
    g.append('title').text(`${edge.label}: ${edge.from} → ${edge.to}`);
    g.append('path')
      .attr('d', shape.d)
      .attr('class', MEMBERSHIP.has(edge.kind) ? 'builder-edge builder-member' : 'builder-edge')
      .attr('marker-end', 'url(#builder-arrow)');
    g.append('text')
      .attr('class', 'builder-edge-label')
      .attr('x', shape.label.x)
      .attr('y', shape.label.y)
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'middle')
      .text(shorten(edge.label, 28));
  });
  const { width, height } = canvasSize(
    positions,
    graph.nodes.map((n) => n.key),
  );
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
}

interface DesignCanvasProps {
  doc: DesignDoc;
  selected: ComponentRef | null;
  positions: Positions;
  onSelect: (ref: ComponentRef) => void;
  /** A box was dragged, or moved with the arrow keys, to `to`. */
  onMove: (key: string, to: Point) => void;
}

/**
 * The design as boxes and arrows, each arrow labelled with what it is. React owns the <svg>; d3
 * draws inside it: the boxes are joined by key, so a change to the design keeps the ones that stay
 * (and the keyboard focus on them). Every box is a button (Tab to it, Enter or Space selects it),
 * can be dragged, and moved with the arrow keys (Shift: further) while it has the focus.
 */
export function DesignCanvas({ doc, selected, positions, onSelect, onMove }: DesignCanvasProps) {
  const graph = useMemo(() => designGraph(doc), [doc]);
  const svgRef = useRef<SVGSVGElement>(null);
  // The latest of each, for the handlers d3 keeps between renders.
  const latest = useRef({ graph, positions, onSelect, onMove });
  useLayoutEffect(() => {
    latest.current = { graph, positions, onSelect, onMove };
  });

  useEffect(() => {
    const svg = d3.select(svgRef.current!);
    appendArrowMarker(svg, 'builder-arrow', 'builder-arrowhead');
    svg.append('g').attr('class', 'builder-edges');
    svg.append('g').attr('class', 'builder-nodes');
    return () => {
      svg.selectAll('*').remove();
    };
  }, []);

  useEffect(() => {
    const svg = d3.select(svgRef.current!);
    const select = (n: DesignNode) => latest.current.onSelect({ kind: n.kind, id: n.id });
    // While a box is dragged the layout is drawn from here; the store hears of it at the end.
    let dragged: Positions | null = null;
    const drag = d3
      .drag<SVGGElement, DesignNode>()
      .subject((_event, n) => pointOf(latest.current.positions, n))
      .on('drag', function (event: d3.D3DragEvent<SVGGElement, DesignNode, Point>, n) {
        // Raised on the first move, not on press: a box moved in the DOM between press and
        // release gets no click, and a click selects it.
        if (!dragged) d3.select(this).raise().classed('builder-dragging', true);
        const base = dragged ?? latest.current.positions;
        dragged = { ...base, [n.key]: clamped({ x: event.x, y: event.y }) };
        place(svg, latest.current.graph, dragged);
      })
      .on('end', function (_event, n) {
        d3.select(this).classed('builder-dragging', false);
        const to = dragged?.[n.key];
        dragged = null;
        if (to) latest.current.onMove(n.key, to);
      });

    const boxes = svg
      .select<SVGGElement>('g.builder-nodes')
      .selectAll<SVGGElement, DesignNode>('g.builder-node')
      .data(graph.nodes, (n) => n.key)
      .join((enter) => {
        const g = enter
          .append('g')
          .attr('tabindex', 0)
          .attr('role', 'button')
          .attr('aria-roledescription', 'movable box')
          .on('click', (_event, n) => select(n))
          .on('keydown', (event: KeyboardEvent, n) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              select(n);
              return;
            }
            const from = pointOf(latest.current.positions, n);
            const to = keyMove(event.key, event.shiftKey, from);
            if (!to || event.ctrlKey || event.metaKey || event.altKey) return;
            // Handled here: not the page's "step one second" on the right arrow.
            event.preventDefault();
            latest.current.onMove(n.key, to);
          })
          .call(drag);
        // The full name on hover: long ids are shortened in the box.
        g.append('title');
        g.append('rect').attr('class', 'builder-box').attr('width', BOX_W).attr('height', BOX_H);
        g.append('text')
          .attr('class', 'builder-title')
          .attr('x', BOX_W / 2)
          .attr('y', 19)
          .attr('text-anchor', 'middle');
        g.append('text')
          .attr('class', 'builder-kind')
          .attr('x', BOX_W / 2)
          .attr('y', 36)
          .attr('text-anchor', 'middle');
        return g;
      });
    boxes
      .attr('class', (n) => `builder-node builder-${n.kind}`)
      .attr('data-testid', (n) => builderNodeTestId(n))
      .attr('aria-label', (n) => `${KIND_LABEL[n.kind]} ${n.id}${n.detail ? `, ${n.detail}` : ''}`);
    boxes.select('title').text((n) => `${KIND_LABEL[n.kind]} ${n.id}`);
    boxes
      .select('rect')
      .attr('rx', (n) => (n.kind === 'source' ? BOX_H / 2 : 6))
      .attr('stroke', (n) => KIND_COLOUR[n.kind]);
    boxes.select('text.builder-title').text((n) => shorten(n.id, 18));
    boxes
      .select('text.builder-kind')
      .attr('fill', (n) => KIND_COLOUR[n.kind])
      .text((n) => shorten(`${KIND_LABEL[n.kind]}${n.detail ? ` · ${n.detail}` : ''}`, 24));
  }, [graph]);

  useEffect(() => {
    place(d3.select(svgRef.current!), graph, positions);
  }, [graph, positions]);

  useEffect(() => {
    const key = selected ? nodeKey(selected) : '';
    d3.select(svgRef.current)
      .selectAll<SVGGElement, DesignNode>('g.builder-node')
      .classed('builder-selected', (n) => n.key === key)
      .attr('aria-pressed', (n) => n.key === key);
  }, [graph, selected]);

  return (
    <div className="builder-canvas" data-testid="builder-canvas">
      <svg
        ref={svgRef}
        role="group"
        aria-label={`Design canvas: ${graph.nodes.length} components, ${graph.edges.length} connections. Drag a box, or move it with the arrow keys, to rearrange the drawing.`}
      />
    </div>
  );
}
