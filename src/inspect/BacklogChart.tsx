import * as d3 from 'd3';
import { useEffect, useRef } from 'react';
import type { PeakSmoothingPoint } from '../../sim/inspect/peakSmoothing';
import { countText, fluidCurve } from './peakText';

const WIDTH = 560;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 16, bottom: 34, left: 56 };

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
    const x = d3
      .scaleLinear()
      .domain([0, point.duration])
      .range([MARGIN.left, WIDTH - MARGIN.right]);
    const y = d3
      .scaleLinear()
      .domain([0, top])
      .nice()
      .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    const burst = svg.append('g').attr('data-testid', 'burst-window');
    burst
      .append('rect')
      .attr('class', 'burst-window')
      .attr('x', x(point.burstStart))
      .attr('width', x(point.burstEnd) - x(point.burstStart))
      .attr('y', MARGIN.top)
      .attr('height', HEIGHT - MARGIN.bottom - MARGIN.top);
    burst
      .append('text')
      .attr('x', (x(point.burstStart) + x(point.burstEnd)) / 2)
      .attr('y', MARGIN.top + 10)
      .attr('text-anchor', 'middle')
      .text('burst');
    svg
      .append('g')
      .attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
      .call(d3.axisBottom(x).ticks(9));
    svg
      .append('g')
      .attr('transform', `translate(${MARGIN.left},0)`)
      .call(
        d3
          .axisLeft(y)
          .ticks(5)
          .tickFormat((v) => countText(v as number)),
      );
    svg
      .append('text')
      .attr('class', 'axis-title')
      .attr('x', (MARGIN.left + WIDTH - MARGIN.right) / 2)
      .attr('y', HEIGHT - 2)
      .attr('text-anchor', 'middle')
      .text('simulated seconds');
    const line = d3
      .line<[number, number]>()
      .x(([t]) => x(t))
      .y(([, v]) => y(v));
    for (const l of BACKLOG_LINES) {
      const data = curves[l.id];
      const g = svg.append('g').attr('data-series', l.id);
      g.append('path')
        .datum(data)
        .attr('fill', 'none')
        .attr('stroke', l.colour)
        .attr('stroke-width', l.id === 'theory' ? 1.5 : 2)
        .attr('stroke-dasharray', l.dash)
        .attr('d', line);
    }
  }, [point]);
  return (
    <figure className="backlog-figure">
      <ul className="raw-legend" aria-label="Legend">
        {BACKLOG_LINES.map((l) => (
          <li key={l.id}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="28"
                y1="5"
                y2="5"
                stroke={l.colour}
                strokeWidth="2"
                strokeDasharray={l.dash}
              />
            </svg>{' '}
            {l.label}
          </li>
        ))}
      </ul>
      <svg
        ref={ref}
        className="backlog-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label="Backlog against time with and without the queue, and the fluid approximation; the table has the figures"
        data-testid="backlog-chart"
      />
    </figure>
  );
}
