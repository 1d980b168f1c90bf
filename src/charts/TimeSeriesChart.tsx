import * as d3 from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatAxisTime, formatTick, timeTicks } from '../store/format';
import type { AppState } from '../store/store';
import { useAppStore } from '../store/store';
import { useStoreSubscription } from '../store/useStoreSubscription';
import type { ChartSeries } from '../store/chartSeries';
import type { LineSpec, LinesFor } from './chartLines';
import { ChartDownloads } from './ChartDownloads';
import { throttle } from './throttle';

const HEIGHT = 150;
const REDRAW_MS = 200;
const MARGIN = { top: 8, right: 16, bottom: 22, left: 52 };

export interface TimeSeriesChartProps {
  id: string;
  title: string;
  lines: LinesFor;
  /** Fixed top of the y axis (utilisation: 1); otherwise from the data. */
  yMax?: number;
  yFormat?: (value: number) => string;
  /** Names the chart's downloads: `<scenario>-seed<N>-<fileName>.svg`. */
  fileName?: string;
}

const selectChart = (s: AppState) => s.chart;

/**
 * A time-series chart on the run's shared time axis (0 to the scenario's duration, the same in
 * every chart). React renders the frame and legend; d3 draws inside the <svg> whenever new
 * buckets reach the store, through a subscription rather than a re-render.
 */
export function TimeSeriesChart({
  id,
  title,
  lines,
  yMax,
  yFormat = formatTick,
  fileName = id,
}: TimeSeriesChartProps) {
  const layout = useAppStore((s) => s.run.layout);
  const duration = useAppStore((s) => s.run.duration);
  const specs = useMemo(() => lines(layout), [lines, layout]);
  const svgRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(600);

  useEffect(() => {
    const node = svgRef.current?.parentElement;
    if (!node) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(240, Math.floor(entry.contentRect.width)));
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  // New buckets arrive with every slice at max speed; a few redraws a second read the same and
  // leave the CPU to the simulation.
  const draw = useMemo(
    () =>
      throttle(
        (chart: ChartSeries) =>
          drawChart(svgRef.current, chart, specs, { width, duration, yMax, yFormat }),
        REDRAW_MS,
      ),
    [specs, width, duration, yMax, yFormat],
  );
  useEffect(() => () => draw.cancel(), [draw]);
  useStoreSubscription(selectChart, draw, [draw]);

  return (
    <figure className="chart" data-testid={`chart-${id}`}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <ul className="legend" aria-label={`${title}: legend`}>
          {specs.map((s) => (
            <li key={s.key}>
              <svg width="22" height="10" aria-hidden="true">
                <line
                  x1="1"
                  x2="21"
                  y1="5"
                  y2="5"
                  stroke={s.colour}
                  strokeWidth="2.5"
                  strokeDasharray={s.dash ?? undefined}
                />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
        <ChartDownloads id={id} title={title} fileName={fileName} specs={specs} plot={svgRef} />
      </figcaption>
      <svg ref={svgRef} width={width} height={HEIGHT} role="img" aria-label={title} />
    </figure>
  );
}

interface DrawOptions {
  width: number;
  duration: number;
  yMax: number | undefined;
  yFormat: (value: number) => string;
}

function drawChart(
  node: SVGSVGElement | null,
  chart: ChartSeries,
  specs: readonly LineSpec[],
  { width, duration, yMax, yFormat }: DrawOptions,
): void {
  if (!node) return;
  const svg = d3.select(node);
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = d3
    .scaleLinear()
    .domain([0, Math.max(duration, 1e-9)])
    .range([0, innerW]);
  const series = specs.map((spec) => ({ spec, values: spec.values(chart) ?? [] }));
  const top =
    yMax ?? (d3.max(series, (s) => d3.max(s.values, (v) => (Number.isFinite(v) ? v : 0))) || 1);
  const y = d3.scaleLinear().domain([0, top]).nice(4).range([innerH, 0]);
  // Each value sits at the middle of its bucket; the last bucket of a finished run may be short.
  const mid = (i: number) => {
    const start = chart.t[i] ?? 0;
    return start + Math.min(chart.bucketSeconds, duration - start) / 2;
  };

  const root = svg
    .selectAll<SVGGElement, null>('g.plot')
    .data([null])
    .join((enter) => {
      const g = enter.append('g').attr('class', 'plot');
      g.append('g').attr('class', 'grid');
      g.append('g').attr('class', 'axis axis-x');
      g.append('g').attr('class', 'axis axis-y');
      g.append('g').attr('class', 'lines');
      return g;
    })
    .attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);

  root
    .select<SVGGElement>('g.axis-x')
    .attr('transform', `translate(0,${innerH})`)
    .call(
      d3
        .axisBottom(x)
        .tickValues(timeTicks(duration, Math.max(2, Math.floor(innerW / 80))))
        .tickFormat((t) => formatAxisTime(Number(t), duration)),
    );
  root.select<SVGGElement>('g.axis-y').call(
    d3
      .axisLeft(y)
      .ticks(4)
      .tickFormat((v) => yFormat(Number(v))),
  );
  root
    .select<SVGGElement>('g.grid')
    .selectAll('line')
    .data(y.ticks(4))
    .join('line')
    .attr('x1', 0)
    .attr('x2', innerW)
    .attr('y1', (v) => y(v))
    .attr('y2', (v) => y(v));

  const line = d3
    .line<number>()
    .defined((v) => Number.isFinite(v))
    .x((_, i) => x(mid(i)))
    .y((v) => y(Math.min(v, top * 1.05)));
  root
    .select('g.lines')
    .selectAll<SVGPathElement, (typeof series)[number]>('path')
    .data(series, (s) => s.spec.key)
    .join('path')
    .attr('fill', 'none')
    .attr('stroke', (s) => s.spec.colour)
    .attr('stroke-width', 1.8)
    .attr('stroke-dasharray', (s) => s.spec.dash)
    .attr('d', (s) => line(s.values as number[]) ?? '');
}
