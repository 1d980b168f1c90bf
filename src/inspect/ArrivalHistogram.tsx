import * as d3 from 'd3';
import { useEffect, useRef } from 'react';
import { countText } from './peakText';

const WIDTH = 560;
const HEIGHT = 130;
const MARGIN = { top: 16, right: 12, bottom: 30, left: 44 };

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
      .range([MARGIN.left, WIDTH - MARGIN.right]);
    const y = d3
      .scaleLinear()
      .domain([0, Math.max(1, top)])
      .nice()
      .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
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
      .attr('x1', MARGIN.left)
      .attr('x2', WIDTH - MARGIN.right)
      .attr('y1', y(mean))
      .attr('y2', y(mean));
    svg
      .append('text')
      .attr('x', WIDTH - MARGIN.right)
      .attr('y', y(mean) - 3)
      .attr('text-anchor', 'end')
      .text(`mean ${mean.toFixed(1)}`);
    svg
      .append('text')
      .attr('x', MARGIN.left)
      .attr('y', 11)
      .attr('class', 'histogram-title')
      .text(title);
    svg.append('g').attr('transform', `translate(0,${base})`).call(d3.axisBottom(x).ticks(9));
    svg
      .append('g')
      .attr('transform', `translate(${MARGIN.left},0)`)
      .call(
        d3
          .axisLeft(y)
          .ticks(4)
          .tickFormat((v) => countText(v as number)),
      );
  }, [counts, bucketSeconds, top, mean, title]);
  return (
    <svg
      ref={ref}
      className="arrival-histogram"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={`${title}: counts per ${bucketSeconds * 1000} ms against simulated seconds; the table has the figures`}
      data-testid={testId}
    />
  );
}
