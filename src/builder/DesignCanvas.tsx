import * as d3 from 'd3';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { OKABE_ITO } from '../charts/palette';
import { KIND_LABEL, type ComponentKind, type ComponentRef, type DesignDoc } from './designDoc';
import { designGraph, nodeKey, type DesignEdge, type DesignNode } from './designGraph';

const BOX_W = 136;
const BOX_H = 46;
const GAP_X = 44;
const GAP_Y = 14;
const PAD = 8;

const x = (n: DesignNode) => PAD + n.column * (BOX_W + GAP_X);
const y = (n: DesignNode) => PAD + n.row * (BOX_H + GAP_Y);

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

function drawEdge(
  layer: d3.Selection<SVGGElement, unknown, null, undefined>,
  edge: DesignEdge,
  from: DesignNode,
  to: DesignNode,
) {
  const forward = to.column > from.column;
  const x1 = forward ? x(from) + BOX_W : x(from) + BOX_W / 2;
  const y1 = forward ? y(from) + BOX_H / 2 : y(from) + BOX_H;
  const x2 = forward ? x(to) : x(to) + BOX_W / 2;
  const y2 = forward ? y(to) + BOX_H / 2 : y(to) + BOX_H;
  const mid = (x1 + x2) / 2;
  // Same column or backwards: a loop under the boxes, so it never crosses them.
  const d = forward
    ? `M${x1},${y1}C${mid},${y1} ${mid},${y2} ${x2},${y2}`
    : `M${x1},${y1}C${x1},${y1 + 30} ${x2},${y2 + 30} ${x2},${y2}`;
  layer
    .append('path')
    .attr('d', d)
    .attr('class', MEMBERSHIP.has(edge.kind) ? 'builder-edge builder-member' : 'builder-edge')
    .attr('marker-end', 'url(#builder-arrow)')
    .append('title')
    .text(`${edge.kind}: ${edge.from} → ${edge.to}`);
}

interface DesignCanvasProps {
  doc: DesignDoc;
  selected: ComponentRef | null;
  onSelect: (ref: ComponentRef) => void;
}

/**
 * The design as boxes and arrows. React owns the <svg>; d3 draws inside it whenever the document
 * changes. Every box is a button (Tab to it, Enter or Space selects it for the toolbar).
 */
export function DesignCanvas({ doc, selected, onSelect }: DesignCanvasProps) {
  const graph = useMemo(() => designGraph(doc), [doc]);
  const svgRef = useRef<SVGSVGElement>(null);
  const onSelectRef = useRef(onSelect);
  useLayoutEffect(() => {
    onSelectRef.current = onSelect;
  });

  useEffect(() => {
    const svg = d3.select(svgRef.current);
    svg.selectAll('*').remove();
    const width = PAD * 2 + graph.columns * BOX_W + Math.max(0, graph.columns - 1) * GAP_X;
    const height = PAD * 2 + graph.rows * BOX_H + Math.max(0, graph.rows - 1) * GAP_Y + 30;
    svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
    svg
      .append('defs')
      .append('marker')
      .attr('id', 'builder-arrow')
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 10)
      .attr('refY', 5)
      .attr('markerWidth', 7)
      .attr('markerHeight', 7)
      .attr('orient', 'auto-start-reverse')
      .append('path')
      .attr('d', 'M0,0L10,5L0,10z')
      .attr('class', 'builder-arrowhead');

    const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
    const edges = svg.append('g').attr('class', 'builder-edges');
    for (const edge of graph.edges) {
      const from = byKey.get(edge.from);
      const to = byKey.get(edge.to);
      if (from && to) drawEdge(edges, edge, from, to);
    }

    const select = (n: DesignNode) => onSelectRef.current({ kind: n.kind, id: n.id });
    const boxes = svg
      .append('g')
      .selectAll<SVGGElement, DesignNode>('g')
      .data(graph.nodes, (n) => n.key)
      .join('g')
      .attr('class', (n) => `builder-node builder-${n.kind}`)
      .attr('data-testid', (n) => builderNodeTestId(n))
      .attr('transform', (n) => `translate(${x(n)},${y(n)})`)
      .attr('tabindex', 0)
      .attr('role', 'button')
      .attr('aria-label', (n) => `${KIND_LABEL[n.kind]} ${n.id}${n.detail ? `, ${n.detail}` : ''}`)
      .on('click', (_event, n) => select(n))
      .on('keydown', (event: KeyboardEvent, n) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        select(n);
      });
    // The full name on hover: long ids are shortened in the box.
    boxes.append('title').text((n) => `${KIND_LABEL[n.kind]} ${n.id}`);
    boxes
      .append('rect')
      .attr('class', 'builder-box')
      .attr('width', BOX_W)
      .attr('height', BOX_H)
      .attr('rx', (n) => (n.kind === 'source' ? BOX_H / 2 : 6))
      .attr('stroke', (n) => KIND_COLOUR[n.kind]);
    boxes
      .append('text')
      .attr('class', 'builder-title')
      .attr('x', BOX_W / 2)
      .attr('y', 19)
      .attr('text-anchor', 'middle')
      .text((n) => shorten(n.id, 18));
    boxes
      .append('text')
      .attr('class', 'builder-kind')
      .attr('x', BOX_W / 2)
      .attr('y', 36)
      .attr('text-anchor', 'middle')
      .attr('fill', (n) => KIND_COLOUR[n.kind])
      .text((n) => shorten(`${KIND_LABEL[n.kind]}${n.detail ? ` · ${n.detail}` : ''}`, 24));
  }, [graph]);

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
        aria-label={`Design canvas: ${graph.nodes.length} components, ${graph.edges.length} connections`}
      />
    </div>
  );
}
