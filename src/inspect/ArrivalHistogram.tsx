import * as d3 from 'd3';
import { useEffect, useRef } from 'react';
import { countAxis } from './countAxis';
import { drawAxes } from './plotAxes';
import { xRange, yRange, type PlotBox } from './plotBox';
import { PlotSvg } from './PlotSvg';

const PLOT: PlotBox = {
  width: 560,
  height: 130,
  margin: { top: 16, right: 12, bottom: 30, left: 44 },
};

/**
 * Counts per time bucket as bars (one path, so hundreds of buckets stay cheap), on a y scale the
 * caller fixes so the two variants of a case share it, with the mean marked as a labelled line.
 */
export function ArrivalHistogram({
  counts,
  bucketSeconds,
  top,
  mean,
  title,
  testId,
}: {
  counts: readonly number[];
  bucketSeconds: number;
  top: number;
  mean: number;
  title: string;
  testId: string;
}) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const svg = d3.select(ref.current!);
    svg.selectAll('*').remove();
    const x = d3
      .scaleLinear()
      .domain([0, counts.length * bucketSeconds])
      .range(xRange(PLOT));
    const y = d3
      .scaleLinear()
      .domain([0, Math.max(1, top)])
      .nice()
      .range(yRange(PLOT));
    const [plotLeft, plotRight] = xRange(PLOT);
    const base = y(0);
    const bars = counts
      .map((c, i) => {
        if (c <= 0) return '';
        const x0 = x(i * bucketSeconds);
        const w = Math.max(0.8, x((i + 1) * bucketSeconds) - x0);
        return `M${x0},${base}V${y(c)}h${w}V${base}Z`;
      })
      .join('');
    svg.append('path').attr('class', 'histogram-bars').attr('d', bars);
    svg
      .append('line')
      .attr('class', 'histogram-mean')
      .attr('x1', plotLeft)
      .attr('x2', plotRight)
      .attr('y1', y(mean))
      .attr('y2', y(mean));
    svg
      .append('text')
      .attr('x', plotRight)
      .attr('y', y(mean) - 3)
      .attr('text-anchor', 'end')
      .text(`mean ${mean.toFixed(1)}`);
    svg
      .append('text')
      .attr('x', plotLeft)
      .attr('y', 11)
      .attr('class', 'histogram-title')
      .text(title);
    // y starts at 0, so the bottom margin is the bars' base: the x axis runs along it.
    drawAxes(svg, PLOT, d3.axisBottom(x).ticks(9), countAxis(y, 4));
  }, [counts, bucketSeconds, top, mean, title]);
  return (
    <PlotSvg
      ref={ref}
      className="arrival-histogram"
      box={PLOT}
      label={`${title}: counts per ${bucketSeconds * 1000} ms against simulated seconds; the table has the figures`}
      testId={testId}
    />
  );
}
