import * as d3 from 'd3';
import { useEffect, useRef } from 'react';
import type { ReadAfterWritePoint } from '../../sim/inspect/readAfterWrite';
import { lagText, RAW_SERIES } from './rawSeries';

const WIDTH = 560;
const HEIGHT = 220;
const MARGIN = { top: 10, right: 16, bottom: 34, left: 48 };

/**
 * Stale-read share against replication lag (log scale), one line per reader and routing. d3
 * draws inside the <svg>; the points carry test ids so a browser test can count them.
 */
export function RawChart({ points, levels }: { points: ReadAfterWritePoint[]; levels: number[] }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const svg = d3.select(ref.current!);
    svg.selectAll('*').remove();
    const lo = Math.min(...levels);
    const hi = Math.max(...levels);
    const x = d3
      .scaleLog()
      .domain([lo, hi])
      .range([MARGIN.left, WIDTH - MARGIN.right]);
    const y = d3
      .scaleLinear()
      .domain([0, 1])
      .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    svg
      .append('g')
      .attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
      .call(
        d3
          .axisBottom(x)
          .tickValues(levels)
          .tickFormat((v) => lagText(v as number)),
      );
    svg
      .append('g')
      .attr('transform', `translate(${MARGIN.left},0)`)
      .call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('.0%')));
    svg
      .append('text')
      .attr('class', 'axis-title')
      .attr('x', (MARGIN.left + WIDTH - MARGIN.right) / 2)
      .attr('y', HEIGHT - 2)
      .attr('text-anchor', 'middle')
      .text('binlog shipping delay (replication lag)');
    for (const s of RAW_SERIES) {
      const g = svg.append('g').attr('data-series', s.id);
      g.append('path')
        .datum(points)
        .attr('fill', 'none')
        .attr('stroke', s.colour)
        .attr('stroke-width', 2)
        .attr('stroke-dasharray', s.dash)
        .attr(
          'd',
          d3
            .line<ReadAfterWritePoint>()
            .x((p) => x(p.shipDelay))
            .y((p) => y(s.share(p))),
        );
      g.selectAll('path.point')
        .data(points)
        .join('path')
        .attr('class', 'point')
        .attr('data-testid', 'raw-point')
        .attr('transform', (p) => `translate(${x(p.shipDelay)},${y(s.share(p))})`)
        .attr('d', d3.symbol(s.marker === 'circle' ? d3.symbolCircle : d3.symbolSquare, 36)())
        .attr('fill', s.dash ? 'var(--panel)' : s.colour)
        .attr('stroke', s.colour)
        .append('title')
        .text((p) => `${s.label}: ${(s.share(p) * 100).toFixed(1)}% at ${lagText(p.shipDelay)}`);
    }
  }, [points, levels]);
  return (
    <svg
      ref={ref}
      className="raw-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label="Share of reads answered stale against replication lag; the table below has the numbers"
      data-testid="raw-chart"
    />
  );
}
