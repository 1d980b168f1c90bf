import * as d3 from 'd3';
import { useEffect, useRef } from 'react';
import { seriesColour } from '../charts/palette';
import { formatAxisTime, formatTick, timeTicks } from '../store/format';
import type { OverlaidSeries, VariantLine } from './abResult';

const WIDTH = 600;
const HEIGHT = 170;
const MARGIN = { top: 8, right: 12, bottom: 22, left: 52 };
/** B is dashed, A solid: the variant is told by the dash, the source by the colour. */
const B_DASH = '6 4';

interface CompareChartProps {
  id: string;
  title: string;
  series: readonly OverlaidSeries[];
  until: number;
  yFormat?: (value: number) => string;
}

/** One figure over time in both runs: per source, A solid and B dashed in the source's colour. */
export function CompareChart({
  id,
  title,
  series,
  until,
  yFormat = formatTick,
}: CompareChartProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (svgRef.current) draw(svgRef.current, series, until, yFormat);
  }, [series, until, yFormat]);
  return (
    <figure className="chart" data-testid={`chart-${id}`}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <ul className="legend" aria-label={`${title}: legend`}>
          {series.flatMap((s, k) =>
            (['A', 'B'] as const).map((variant) => (
              <li key={`${s.source}:${variant}`}>
                <svg width="26" height="10" aria-hidden="true">
                  <line
                    x1="1"
                    x2="25"
                    y1="5"
                    y2="5"
                    stroke={seriesColour(k)}
                    strokeWidth="2.5"
                    strokeDasharray={variant === 'B' ? B_DASH : undefined}
                  />
                </svg>
                {s.source} {variant}
              </li>
            )),
          )}
        </ul>
      </figcaption>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`${title}: A solid, B dashed`}
      />
    </figure>
  );
}

interface Line {
  key: string;
  source: string;
  variant: 'A' | 'B';
  colour: string;
  line: VariantLine;
}

function draw(
  node: SVGSVGElement,
  series: readonly OverlaidSeries[],
  until: number,
  yFormat: (value: number) => string,
): void {
  const innerW = WIDTH - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const lines: Line[] = series.flatMap((s, k) => [
    { key: `${s.source}:A`, source: s.source, variant: 'A', colour: seriesColour(k), line: s.a },
    { key: `${s.source}:B`, source: s.source, variant: 'B', colour: seriesColour(k), line: s.b },
  ]);
  const finite = (v: number) => (Number.isFinite(v) ? v : 0);
  const top = d3.max(lines, (l) => d3.max(l.line.values, finite)) || 1;
  const x = d3
    .scaleLinear()
    .domain([0, Math.max(until, 1e-9)])
    .range([0, innerW]);
  const y = d3.scaleLinear().domain([0, top]).nice(4).range([innerH, 0]);
  const svg = d3.select(node);
  svg.selectAll('*').remove();
  const root = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  root
    .append('g')
    .attr('class', 'grid')
    .selectAll('line')
    .data(y.ticks(4))
    .join('line')
    .attr('x1', 0)
    .attr('x2', innerW)
    .attr('y1', (v) => y(v))
    .attr('y2', (v) => y(v));
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${innerH})`)
    .call(
      d3
        .axisBottom(x)
        .tickValues(timeTicks(until, Math.max(2, Math.floor(innerW / 80))))
        .tickFormat((t) => formatAxisTime(Number(t), until)),
    );
  root
    .append('g')
    .attr('class', 'axis')
    .call(
      d3
        .axisLeft(y)
        .ticks(4)
        .tickFormat((v) => yFormat(Number(v))),
    );
  root
    .append('g')
    .attr('class', 'lines')
    .selectAll('path')
    .data(lines)
    .join('path')
    .attr('data-source', (l) => l.source)
    .attr('data-variant', (l) => l.variant)
    .attr('fill', 'none')
    .attr('stroke', (l) => l.colour)
    .attr('stroke-width', 1.8)
    .attr('stroke-dasharray', (l) => (l.variant === 'B' ? B_DASH : null))
    .attr('d', (l) => {
      const path = d3
        .line<number>()
        .defined((v) => Number.isFinite(v))
        // Each value sits at the middle of its bucket.
        .x((_, i) => x(bucketMiddle(l.line.t, i, until)))
        .y((v) => y(v));
      return path(l.line.values as number[]) ?? '';
    });
}

function bucketMiddle(t: readonly number[], i: number, until: number): number {
  const start = t[i] ?? 0;
  const end = t[i + 1] ?? until;
  return (start + Math.min(end, until)) / 2;
}
