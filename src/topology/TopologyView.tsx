import { useEffect, useLayoutEffect, useRef } from 'react';
import * as d3 from 'd3';
import { ChartDownloads } from '../charts/ChartDownloads';
import { useLiveWrite } from '../components/useLiveWrite';
import type { Figures } from '../store/liveFigures';
import type { AppState } from '../store/store';
import { appStore, useAppStore } from '../store/store';
import { showBoxFigures } from './boxFigures';
import { drawTopology } from './drawTopology';
import { showEdgeFigures } from './edgeFigures';
import type { NodeRef } from './nodeSettings';
import { layoutTopology, type TopologyNode } from './topologyLayout';

export { nodeTestId } from './drawTopology';

const selectFigures = (s: AppState) => s.figures;
const NO_LEGEND: never[] = [];

interface TopologyViewProps {
  /** The node whose details are open, highlighted. */
  selected?: NodeRef | null;
  /** A node clicked, or Enter or Space pressed on it. */
  onSelect?: (node: NodeRef) => void;
}

/**
 * The stations as boxes left to right by depth, routes and dependency calls as arrows. React owns
 * the <svg>; d3 draws inside it when the scenario changes (drawTopology) and refreshes the live
 * numbers on every snapshot through a store subscription. Each box is a button that opens the
 * node's details.
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
    if (!scenario) {
      d3.select(svgRef.current).selectAll('*').remove();
      return;
    }
    drawTopology(svgRef.current, layoutTopology(scenario), (node) => onSelectRef.current?.(node));
    showFigures(svgRef.current, appStore.getState().figures);
  }, [scenario]);

  // At "max", when on screen: the boxes the frame after the snapshot's own, the arrows the
  // frame after that, two light frames rather than one heavy one (bench:ui with
  // UI_BENCH_VIEW=topology); the tables follow (useLiveWrite).
  useLiveWrite(
    selectFigures,
    (figures, { part }) =>
      part === 0
        ? showBoxFigures(svgRef.current, figures, appStore.getState().run.scenario)
        : showEdgeFigures(svgRef.current, figures),
    [scenario],
    { framesLater: 1, parts: 2, target: svgRef },
  );

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

/** The live figures of a snapshot, on the arrows and in the boxes. */
function showFigures(node: SVGSVGElement | null, figures: Figures): void {
  showEdgeFigures(node, figures);
  showBoxFigures(node, figures, appStore.getState().run.scenario);
}
