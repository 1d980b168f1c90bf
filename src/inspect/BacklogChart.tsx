import * as d3 from 'd3';
import { useEffect, useRef } from 'react';
import type { PeakSmoothingPoint } from '../../sim/inspect/peakSmoothing';
import { LineLegend } from './LineLegend';
import { fluidCurve } from './peakText';
import { countAxis } from './countAxis';
import { drawAxes } from './plotAxes';
import { xRange, yRange, type PlotBox } from './plotBox';
import { PlotSvg } from './PlotSvg';
import { appendSeriesLine } from './seriesLine';

const PLOT: PlotBox = {
  width: 560,
  height: 220,
  margin: { top: 12, right: 16, bottom: 34, left: 56 },
};

/** The three lines: told apart by their dash and the legend's words, not by colour only. */
export const BACKLOG_LINES = [
  { id: 'queue', label: 'with queue: topic lag', colour: '#0072B2', dash: '' },
  { id: 'sync', label: 'without queue: requests waiting', colour: '#D55E00', dash: '6 3' },
  { id: 'theory', label: 'fluid theory', colour: '#555', dash: '2 3' },
] as const;

/**
 * Backlog against time for one peak level: the topic's lag with the queue, the requests waiting
 * without it, and the fluid approximation, with the burst window shaded and labelled.
 */
export function BacklogChart({ point }: { point: PeakSmoothingPoint }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const svg = d3.select(ref.current!);
    svg.selectAll('*').remove();
    const curves: Record<(typeof BACKLOG_LINES)[number]['id'], [number, number][]> = {
      queue: [[0, 0], ...point.times.map((t, i): [number, number] => [t, point.queue.backlog[i]!])],
      sync: [[0, 0], ...point.times.map((t, i): [number, number] => [t, point.sync.backlog[i]!])],
      theory: fluidCurve(point),
    };
    const top = Math.max(10, ...Object.values(curves).flatMap((c) => c.map(([, v]) => v)));
    const x = d3.scaleLinear().domain([0, point.duration]).range(xRange(PLOT));
    const y = d3.scaleLinear().domain([0, top]).nice().range(yRange(PLOT));
    const [plotBottom, plotTop] = yRange(PLOT);
    const burst = svg.append('g').attr('data-testid', 'burst-window');
    burst
      .append('rect')
      .attr('class', 'burst-window')
      .attr('x', x(point.burstStart))
      .attr('width', x(point.burstEnd) - x(point.burstStart))
      .attr('y', plotTop)
      .attr('height', plotBottom - plotTop);
    burst
      .append('text')
      .attr('x', (x(point.burstStart) + x(point.burstEnd)) / 2)
      .attr('y', plotTop + 10)
      .attr('text-anchor', 'middle')
      .text('burst');
    drawAxes(svg, PLOT, d3.axisBottom(x).ticks(9), countAxis(y, 5), 'simulated seconds');
    const line = d3
      .line<[number, number]>()
      .x(([t]) => x(t))
      .y(([, v]) => y(v));
    for (const l of BACKLOG_LINES) {
      appendSeriesLine(svg, l, curves[l.id], line, l.id === 'theory' ? 1.5 : 2);
    }
  }, [point]);
  return (
    <figure className="backlog-figure">
      <LineLegend lines={BACKLOG_LINES} />
      <PlotSvg
        ref={ref}
        className="backlog-chart"
        box={PLOT}
        label="Backlog against time with and without the queue, and the fluid approximation; the table has the figures"
        testId="backlog-chart"
      />
    </figure>
  );
}
