import * as d3 from 'd3';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { ChartDownloads } from '../charts/ChartDownloads';
import { setLiveAttribute, setLiveText } from '../components/liveDom';
import { useLiveWrite } from '../components/useLiveWrite';
import { utilisationBand } from '../charts/palette';
import { formatCount, formatDuration, formatPercent, formatRate } from '../store/format';
import type { Figures } from '../store/liveFigures';
import type { AppState } from '../store/store';
import { appStore, useAppStore } from '../store/store';
import type { NodeRef } from './nodeSettings';
import { layoutTopology, type TopologyNode } from './topologyLayout';
import { edgeKindLabel, planEdges, showEdgeFigures, type DrawnEdge } from './edgeFigures';

const BOX_W = 150;
const BOX_H = 94;
const GAP_X = 76;
const GAP_Y = 16;
const PAD = 8;
const BAR_W = BOX_W - 20;

const x = (n: TopologyNode) => PAD + n.column * (BOX_W + GAP_X);
const y = (n: TopologyNode) => PAD + n.row * (BOX_H + GAP_Y);
const keyOf = (kind: string, id: string) => `${kind}:${id}`;

const selectFigures = (s: AppState) => s.figures;
const NO_LEGEND: never[] = [];

/** The data-testid of a node's box: how the details panel finds it to give focus back. */
export const nodeTestId = (node: NodeRef) => `topology-${node.kind}-${node.id}`;

interface TopologyViewProps {
  /** The node whose details are open, highlighted. */
  selected?: NodeRef | null;
  /** A node clicked, or Enter or Space pressed on it. */
  onSelect?: (node: NodeRef) => void;
}

/**
 * The stations as boxes left to right by depth, routes and dependency calls as arrows. React owns
 * the <svg>; d3 draws inside it when the scenario changes and refreshes the live numbers on every
 * snapshot through a store subscription. Each box is a button (focusable, Enter or Space) that
 * opens the node's details.
 */
export function TopologyView({ selected = null, onSelect }: TopologyViewProps) {
  const scenario = useAppStore((s) => s.run.scenario);
  const title = useAppStore((s) => s.run.title);
  const svgRef = useRef<SVGSVGElement>(null);
  // The boxes are drawn once per scenario: they call whichever handler is current.
  const onSelectRef = useRef(onSelect);
  useLayoutEffect(() => {
    onSelectRef.current = onSelect;
  });

  useEffect(() => {
    const svg = d3.select(svgRef.current);
    svg.selectAll('*').remove();
    if (!scenario) return;
    const topo = layoutTopology(scenario);
    const width = PAD * 2 + topo.columns * BOX_W + Math.max(0, topo.columns - 1) * GAP_X;
    const height = PAD * 2 + topo.rows * BOX_H + Math.max(0, topo.rows - 1) * GAP_Y;
    const loops = topo.edges.some((e) => e.back) ? 36 : 0;
    // Natural size, shrunk (never enlarged) to fit the panel by CSS.
    svg
      .attr('viewBox', `0 ${-loops} ${width} ${height + loops}`)
      .attr('width', width)
      .attr('height', height + loops);

    svg
      .append('defs')
      .append('marker')
      .attr('id', 'topology-arrow')
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 10)
      .attr('refY', 5)
      .attr('markerWidth', 7)
      .attr('markerHeight', 7)
      .attr('orient', 'auto-start-reverse')
      .append('path')
      .attr('d', 'M0,0L10,5L0,10z')
      .attr('class', 'topology-arrowhead');

    const nodeByKey = new Map(topo.nodes.map((n) => [keyOf(n.kind, n.id), n]));
    const edges = svg.append('g').attr('class', 'topology-edges');
    for (const drawn of planEdges(topo.edges)) {
      const from = nodeByKey.get(keyOf(drawn.edge.fromKind, drawn.edge.from));
      const to = nodeByKey.get(keyOf('station', drawn.edge.to));
      if (from && to) drawEdge(edges, drawn, from, to);
    }

    const boxes = svg
      .append('g')
      .selectAll<SVGGElement, TopologyNode>('g')
      .data(topo.nodes)
      .join('g')
      .attr('class', (n) => `topology-node topology-${n.kind}`)
      .attr('data-testid', (n) => nodeTestId(n))
      .attr('transform', (n) => `translate(${x(n)},${y(n)})`)
      .attr('tabindex', 0)
      .attr('role', 'button')
      .attr('aria-haspopup', 'dialog')
      .attr('aria-label', (n) => `${n.kind} ${n.id}`)
      .on('click', (_event, n) => onSelectRef.current?.({ kind: n.kind, id: n.id }))
      .on('keydown', (event: KeyboardEvent, n) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        onSelectRef.current?.({ kind: n.kind, id: n.id });
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
    stations
      .append('text')
      .attr('class', 'topology-figure topology-utilisation')
      .attr('x', BOX_W / 2)
      .attr('y', 54)
      .attr('text-anchor', 'middle');
    boxes
      .append('text')
      .attr('class', 'topology-figure topology-queue')
      .attr('x', BOX_W / 2)
      .attr('y', (n) => (n.kind === 'station' ? 70 : 52))
      .attr('text-anchor', 'middle');
    stations
      .append('text')
      .attr('class', 'topology-figure topology-lag')
      .attr('x', BOX_W / 2)
      .attr('y', 86)
      .attr('text-anchor', 'middle');
    showFigures(svgRef.current, appStore.getState().figures);
  }, [scenario]);

  // At "max", the frame after the snapshot's own, when on screen; the tables follow (useLiveWrite).
  useLiveWrite(selectFigures, (figures) => showFigures(svgRef.current, figures), [scenario], {
    framesLater: 1,
    target: svgRef,
  });

  useEffect(() => {
    d3.select(svgRef.current)
      .selectAll<SVGGElement, TopologyNode>('g.topology-node')
      .classed('topology-selected', (n) => n.kind === selected?.kind && n.id === selected.id)
      .attr('aria-expanded', (n) => n.kind === selected?.kind && n.id === selected.id);
  }, [scenario, selected]);

  return (
    <figure className="topology-figure-frame">
      <svg
        ref={svgRef}
        className="topology"
        role="group"
        aria-label="Topology: sources and stations, left to right by depth; each opens its details"
        data-testid="topology"
      />
      <figcaption className="topology-note">
        Bar: recent utilisation (as in the table); under it the threads busy of the pool and the
        queue, and a replica&apos;s replication lag or a topic consumer&apos;s lag (its group&apos;s
        messages not yet consumed) now. Solid arrows: routes, with their probability; dashed: calls
        an endpoint makes to its dependencies, named by the step. On each arrow, the requests sent
        along it per second over the recent window, as counted by the simulator; a call guarded by a
        circuit breaker names its state (CLOSED, HALF_OPEN, OPEN) and takes its colour. Click a box
        (or focus it and press Enter) for its details and settings.{' '}
        <ChartDownloads
          id="topology"
          title={`Topology: ${title}`}
          fileName="topology"
          specs={NO_LEGEND}
          plot={svgRef}
        />
      </figcaption>
    </figure>
  );
}

function drawEdge(
  edges: d3.Selection<SVGGElement, unknown, null, undefined>,
  drawn: DrawnEdge,
  from: TopologyNode,
  to: TopologyNode,
): void {
  const edge = drawn.edge;
  const path = d3.path();
  let label: [number, number];
  let rate: [number, number];
  let anchor: 'middle' | 'end' = 'middle';
  let rateAnchor: 'start' | 'middle' | 'end' = 'middle';
  if (edge.back) {
    // Loops go over the top so they do not cross the forward arrows.
    const x0 = x(from) + BOX_W / 2 - 10;
    const x1 = x(to) + BOX_W / 2 + 10;
    const top = Math.min(y(from), y(to)) - 30;
    path.moveTo(x0, y(from));
    path.bezierCurveTo(x0, top, x1, top, x1, y(to));
    label = [(x0 + x1) / 2, top + 4];
    rate = [label[0], top - 8];
  } else {
    const x0 = x(from) + BOX_W;
    const y0 = y(from) + BOX_H / 2;
    const x1 = x(to);
    const y1 = y(to) + BOX_H / 2;
    path.moveTo(x0, y0);
    path.bezierCurveTo((x0 + x1) / 2, y0, (x0 + x1) / 2, y1, x1, y1);
    // Next to the arrowhead: fanned-out edges end at different heights, so labels never collide.
    label = [x1 - 6, y1 - 5];
    anchor = 'end';
    // The rate under the arrowhead; a source's at its start, as sources' arrows often meet at
    // one entry station while the sources sit one per row.
    rate = edge.fromKind === 'source' ? [x0 + 6, y0 - 5] : [x1 - 6, y1 + 13];
    rateAnchor = edge.fromKind === 'source' ? 'start' : 'end';
  }
  const parent = edges
    .append('g')
    .datum(drawn)
    .attr('class', 'topology-flow')
    .attr('data-testid', `topology-edge-${edge.fromKind}-${edge.from}-${edge.kind}-${edge.to}`)
    .attr('data-flow', drawn.flow);
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
  if (edge.kind === 'source') return;
  parent
    .append('text')
    .attr('class', 'topology-edge-label topology-edge-kind')
    .attr('x', label[0])
    .attr('y', label[1])
    .attr('text-anchor', anchor)
    .text(edgeKindLabel(edge));
}

/** The elements of a box that show live numbers, found once per box. */
interface BoxFigures {
  fill: Element | null;
  utilisation: Element | null;
  queue: Element | null;
  lag: Element | null;
}

const boxFigures = new WeakMap<Element, BoxFigures>();

function figuresOf(box: Element): BoxFigures {
  let found = boxFigures.get(box);
  if (!found) {
    found = {
      fill: box.querySelector('.topology-fill'),
      utilisation: box.querySelector('.topology-utilisation'),
      queue: box.querySelector('.topology-queue'),
      lag: box.querySelector('.topology-lag'),
    };
    boxFigures.set(box, found);
  }
  return found;
}

/**
 * Writes the live numbers into the boxes drawn for the current scenario; only what changed is
 * written (lesson 11 has 90 boxes, and a paced run a snapshot every frame).
 */
function showFigures(node: SVGSVGElement | null, figures: Figures): void {
  showEdgeFigures(node, figures);
  const svg = d3.select(node);
  const topicsOf = consumerTopics(appStore.getState().run.scenario);
  const topicLag = new Map(figures.topics.map((t) => [t.id, t.lag]));
  const rows = new Map(figures.stations.map((r) => [r.id, r]));
  const sources = new Map(figures.sources.map((r) => [r.id, r]));
  svg.selectAll<SVGGElement, TopologyNode>('g.topology-station').each(function (n) {
    const row = rows.get(n.id);
    const u = row?.utilisation ?? null;
    const band = utilisationBand(u);
    const box = figuresOf(this);
    if (box.fill) {
      setLiveAttribute(box.fill, 'width', String(BAR_W * Math.min(1, Math.max(0, u ?? 0))));
      setLiveAttribute(box.fill, 'fill', band.colour);
    }
    if (box.utilisation) {
      setLiveText(box.utilisation, row ? `${formatPercent(u)} ${band.label}` : '');
    }
    // The thread pool: servers busy of those there are, and the requests waiting for one.
    const pool = row
      ? `busy ${formatCount(row.busy)} of ${formatCount(row.servers)} · queue ${formatCount(row.queue)}`
      : '';
    if (box.queue) setLiveText(box.queue, pool);
    // A replica shows how far behind the master it is now (Seconds_Behind_Source); a topic's
    // consumer, the messages its group has still to consume.
    const lag = row?.replica ? formatDuration(row.replica.now) : null;
    const backlog = consumerLag(topicsOf.get(n.id), topicLag);
    const lags = [
      ...(lag === null ? [] : [`replication lag ${lag}`]),
      ...(backlog === null ? [] : [`consumer lag ${formatCount(backlog)}`]),
    ];
    if (box.lag) setLiveText(box.lag, row ? lags.join(' · ') : '');
    setLiveAttribute(this, 'data-consumer-lag', backlog === null ? null : String(backlog));
    const replicaLag = row?.replica?.now;
    setLiveAttribute(
      this,
      'data-replica-lag',
      replicaLag === undefined ? null : String(replicaLag),
    );
    setLiveAttribute(
      this,
      'aria-label',
      row
        ? `station ${n.id}: utilisation ${formatPercent(u)}, busy ${row.busy} of ` +
            `${row.servers}, queue ${row.queue}` +
            (lag === null ? '' : `, replication lag ${lag}`) +
            (backlog === null ? '' : `, consumer lag ${backlog}`)
        : `station ${n.id}`,
    );
  });
  svg.selectAll<SVGGElement, TopologyNode>('g.topology-source').each(function (n) {
    const row = sources.get(n.id);
    const queue = figuresOf(this).queue;
    if (queue) setLiveText(queue, row ? `${formatRate(row.offeredRate)} req/s` : '');
  });
}

const topicsByScenario = new WeakMap<object, Map<string, string[]>>();

/** The topics each station consumes, by station id (found once per scenario). */
function consumerTopics(scenario: AppState['run']['scenario']): Map<string, string[]> {
  if (!scenario) return new Map();
  let found = topicsByScenario.get(scenario);
  if (!found) {
    found = new Map();
    for (const topic of scenario.topics) {
      for (const consumer of topic.consumers) {
        found.set(consumer, [...(found.get(consumer) ?? []), topic.id]);
      }
    }
    topicsByScenario.set(scenario, found);
  }
  return found;
}

/** The lag of the topics a station consumes, summed; null when it consumes none. */
function consumerLag(topics: string[] | undefined, lags: Map<string, number>): number | null {
  if (!topics) return null;
  let sum = 0;
  for (const id of topics) sum += lags.get(id) ?? 0;
  return lags.size > 0 ? sum : null;
}
