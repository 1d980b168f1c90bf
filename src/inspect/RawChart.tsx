import * as d3 from 'd3';
import { useEffect, useRef } from 'react';
import type { ReadAfterWritePoint } from '../../sim/inspect/readAfterWrite';
import { drawAxes } from './plotAxes';
import { xRange, yRange, type PlotBox } from './plotBox';
import { PlotSvg } from './PlotSvg';
import { lagText, RAW_SERIES } from './rawSeries';
import { appendSeriesLine } from './seriesLine';

const PLOT: PlotBox = {
  width: 560,
  height: 220,
  margin: { top: 10, right: 16, bottom: 34, left: 48 },
};

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
    const x = d3.scaleLog().domain([lo, hi]).range(xRange(PLOT));
    const y = d3.scaleLinear().domain([0, 1]).range(yRange(PLOT));
    drawAxes(
      svg,
      PLOT,
      d3
        .axisBottom(x)
        .tickValues(levels)
        .tickFormat((v) => lagText(v as number)),
      d3.axisLeft(y).ticks(5).tickFormat(d3.format('.0%')),
      'binlog shipping delay (replication lag)',
    );
    for (const s of RAW_SERIES) {
      const line = d3
        .line<ReadAfterWritePoint>()
        .x((p) => x(p.shipDelay))
        .y((p) => y(s.share(p)));
      appendSeriesLine(svg, s, points, line, 2)
        .selectAll('path.point')
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
    <PlotSvg
      ref={ref}
      className="raw-chart"
      box={PLOT}
      label="Share of reads answered stale against replication lag; the table below has the numbers"
      testId="raw-chart"
    />
  );
}
