import * as d3 from 'd3';
import { elementFinder } from '../components/elementFinder';
import { setLiveAttribute, setLiveText } from '../components/liveDom';
import { formatPercent, formatRate } from '../store/format';
import type { Figures } from '../store/liveFigures';
import type { TopologyEdge } from './topologyLayout';

/** An arrow as drawn: one per counted edge, standing for every step that sends along it. */
export interface DrawnEdge {
  /** The first of the layout's edges the arrow draws: its ends, direction and source. */
  edge: TopologyEdge;
  /**
   * What sends along the arrow: a route's probability or the steps' kinds. The worker counts per
   * origin and station, not per step, so a dbRead and a dbWrite to one replica are one arrow.
   */
  kinds: string[];
  /** "<origin>><station>": the row of the worker's counts (a source, station, topic or flow). */
  flow: string;
}

/** Where the worker counts the requests of an arrow (Simulation.flowOrigins). */
export function flowOriginOf(edge: TopologyEdge): string {
  if (edge.fromKind === 'source') return `source:${edge.from}`;
  const [collection, ...rest] = (edge.via ?? '').split(':');
  const item = rest.join(':');
  // A topic's consumers get their messages from the topic, an order flow's steps from the flow.
  if (collection === 'topics') return `topic:${item}`;
  if (collection === 'orders') return `order:${item}`;
  return `station:${edge.from}`;
}

/**
 * One arrow per counted edge (origin and station, and the box it is drawn from), in the order
 * of the layout's first edge of each.
 */
export function planEdges(edges: readonly TopologyEdge[]): DrawnEdge[] {
  const byKey = new Map<string, DrawnEdge>();
  for (const edge of edges) {
    const flow = `${flowOriginOf(edge)}>${edge.to}`;
    const key = `${edge.fromKind}:${edge.from}|${edge.back}|${flow}`;
    const kind = edgeKindLabel(edge);
    const drawn = byKey.get(key);
    if (!drawn) byKey.set(key, { edge, kinds: [kind], flow });
    else if (!drawn.kinds.includes(kind)) drawn.kinds.push(kind);
  }
  return [...byKey.values()];
}

/** An edge's part of its arrow's label: a route's probability, or the step that makes the call. */
export function edgeKindLabel(edge: TopologyEdge): string {
  return edge.p !== null ? formatPercent(edge.p).replace('.0%', '%') : edge.kind;
}

/** The arrow's static label: what sends along it. */
export function arrowLabel(drawn: DrawnEdge): string {
  return drawn.kinds.join('+');
}

/** Breaker states by colour (Okabe & Ito), always with the state's name next to it. */
const BREAKER_COLOURS: Readonly<Record<string, string>> = {
  CLOSED: '#009E73',
  HALF_OPEN: '#E69F00',
  OPEN: '#D55E00',
  FORCED_OPEN: '#D55E00',
};

/** The state a group of breakers on one arrow shows: the most open one. */
const SEVERITY = ['CLOSED', 'METRICS_ONLY', 'DISABLED', 'HALF_OPEN', 'OPEN', 'FORCED_OPEN'];

function breakerStateOn(figures: Figures, drawn: DrawnEdge): string | null {
  const edge = drawn.edge;
  if (edge.fromKind !== 'station' || !drawn.kinds.includes('call')) return null;
  let worst: string | null = null;
  for (const b of figures.breakers) {
    if (b.from !== edge.from || b.to !== edge.to || b.state === null) continue;
    if (worst === null || SEVERITY.indexOf(b.state) > SEVERITY.indexOf(worst)) worst = b.state;
  }
  return worst;
}

/** The parts of an arrow its live figures go into. */
const elementsOf = elementFinder({
  path: '.topology-edge',
  label: '.topology-edge-kind',
  rate: '.topology-edge-rate',
});

/**
 * Writes each arrow's measured rate over the recent window (as the sources' boxes show theirs)
 * and, on a call a breaker guards, the breaker's state by colour and by name.
 */
export function showEdgeFigures(node: SVGSVGElement | null, figures: Figures): void {
  const rates = new Map(figures.flows.map((f) => [`${f.from}>${f.to}`, f]));
  const live = figures.now > 0 || figures.flows.length > 0;
  d3.select(node)
    .selectAll<SVGGElement, DrawnEdge>('g.topology-flow')
    .each(function (drawn) {
      const { path, label, rate } = elementsOf(this);
      const row = rates.get(drawn.flow);
      // Per second, the unit short so that the label fits the gap between two columns.
      if (rate) setLiveText(rate, live ? `${formatRate(row ? row.rate : 0)}/s` : '');
      const value = row ? row.rate : live ? 0 : null;
      setLiveAttribute(this, 'data-rate', value === null ? null : String(value));
      const state = breakerStateOn(figures, drawn);
      const colour = state === null ? null : (BREAKER_COLOURS[state] ?? null);
      if (label) {
        const kinds = arrowLabel(drawn);
        setLiveText(label, state === null ? kinds : `${kinds} · ${state}`);
      }
      setLiveAttribute(this, 'data-breaker', state);
      if (path) setLiveAttribute(path, 'style', colour === null ? null : `stroke: ${colour}`);
    });
}
