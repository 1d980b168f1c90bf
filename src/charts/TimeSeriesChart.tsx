import * as d3 from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatTick } from '../store/format';
import type { AppState } from '../store/store';
import { useAppStore } from '../store/store';
import { useLiveWrite } from '../components/useLiveWrite';
import type { ChartSeries } from '../store/chartSeries';
import { visibleRange, type TimeRange } from '../store/zoomSlice';
import type { LineSpec, LinesFor } from './chartLines';
import { ChartDownloads } from './ChartDownloads';
import { formatRangeTick, rangeTicks } from './timeAxis';
import { throttle } from './throttle';
import { innerSize, MARGIN, useZoomBrush, type PlotFrame } from './useZoomBrush';

const HEIGHT = 150;
const REDRAW_MS = 200;
/**
 * Room for the y axis, the longest level name (HALF_OPEN) included: the same in every chart, so
 * their time axes line up one above the other.
 */
const LEFT = 72;

export interface TimeSeriesChartProps {
  id: string;
  title: string;
  lines: LinesFor;
  /** Fixed top of the y axis (utilisation: 1); otherwise from the data. */
  yMax?: number;
  yFormat?: (value: number) => string;
  /**
   * Names of the levels 0, 1, 2... the values take (a breaker's CLOSED, HALF_OPEN, OPEN): the y
   * axis then shows those names instead of numbers.
   */
  yLevels?: readonly string[];
  /** Steps at bucket edges (a state, a share of the bucket) rather than a line through midpoints. */
  steps?: boolean;
  /** Names the chart's downloads: `<scenario>-seed<N>-<fileName>.svg`. */
  fileName?: string;
}

const selectChart = (s: AppState) => s.chart;

/**
 * A time-series chart on the run's shared time axis (0 to the scenario's duration, or the zoom
 * range, the same in every chart). React renders the frame and legend; d3 draws inside the <svg>
 * whenever new buckets reach the store, through a subscription rather than a re-render. Dragging
 * across the plot (a d3 brush) zooms every chart to the range dragged over.
 */
export function TimeSeriesChart({
  id,
  title,
  lines,
  yMax,
  yFormat = formatTick,
  steps = false,
  yLevels,
  fileName = id,
}: TimeSeriesChartProps) {
  const layout = useAppStore((s) => s.run.layout);
  const duration = useAppStore((s) => s.run.duration);
  const zoom = useAppStore((s) => s.zoom);
  const domain = useMemo(() => visibleRange(zoom, duration), [zoom, duration]);
  const specs = useMemo(() => lines(layout), [lines, layout]);
  const svgRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(600);
  const frame = useMemo((): PlotFrame => ({ width, height: HEIGHT, left: LEFT }), [width]);
  useZoomBrush(svgRef, frame, domain, duration);

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
          drawChart(svgRef.current, chart, specs, {
            frame,
            duration,
            domain,
            yMax,
            yFormat,
            steps,
            yLevels,
            clipId: `chart-clip-${id}`,
          }),
        REDRAW_MS,
      ),
    [specs, frame, duration, domain, yMax, yFormat, steps, yLevels, id],
  );
  useEffect(() => () => draw.cancel(), [draw]);
  // At "max", in the snapshot's frame and only when on screen (useLiveWrite).
  useLiveWrite(selectChart, (chart) => draw(chart), [draw], { framesLater: 0, target: svgRef });

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
      <svg
        ref={svgRef}
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={title}
        data-testid={`chart-${id}-plot`}
      />
    </figure>
  );
}

interface DrawOptions {
  frame: PlotFrame;
  duration: number;
  /** The time range shown: the whole run or the zoom. */
  domain: TimeRange;
  yMax: number | undefined;
  yFormat: (value: number) => string;
  steps: boolean;
  yLevels: readonly string[] | undefined;
  /** Unique on the page: lines outside a zoomed range are clipped to the plot. */
  clipId: string;
}

function drawChart(
  node: SVGSVGElement | null,
  chart: ChartSeries,
  specs: readonly LineSpec[],
  { frame, duration, domain, yMax, yFormat, steps, yLevels, clipId }: DrawOptions,
): void {
  if (!node) return;
  const svg = d3.select(node);
  const { innerW, innerH } = innerSize(frame);
  const x = d3.scaleLinear().domain(domain).range([0, innerW]);
  // What the chart shows, for tests and tools: the x domain as "from,to" in seconds.
  svg.attr('data-domain', domain.join(','));
  const series = specs.map((spec) => ({ spec, values: spec.values(chart) ?? [] }));
  // Each value sits at the middle of its bucket; the last bucket of a finished run may be short.
  const mid = (i: number) => {
    const start = chart.t[i] ?? 0;
    return start + Math.min(chart.bucketSeconds, duration - start) / 2;
  };
  // The y axis fits the buckets in view, so a zoom on a quiet stretch is not flattened.
  const inView = (i: number) =>
    (chart.t[i] ?? 0) + chart.bucketSeconds >= domain[0] && (chart.t[i] ?? 0) <= domain[1];
  const top =
    (yLevels && yLevels.length - 1) ??
    yMax ??
    (d3.max(series, (s) => d3.max(s.values, (v, i) => (Number.isFinite(v) && inView(i) ? v : 0))) ||
      1);
  const y = yLevels
    ? // A little room above and below, so a line on the top or bottom level stays visible.
      d3
        .scaleLinear()
        .domain([-0.15, yLevels.length - 0.85])
        .range([innerH, 0])
    : d3.scaleLinear().domain([0, top]).nice(4).range([innerH, 0]);
  const yTicks = yLevels ? yLevels.map((_, level) => level) : y.ticks(4);
  const yLabel = yLevels ? (v: number) => yLevels[v] ?? '' : yFormat;

  const root = svg
    .selectAll<SVGGElement, null>('g.plot')
    .data([null])
    .join((enter) => {
      const g = enter.append('g').attr('class', 'plot');
      g.append('g').attr('class', 'grid');
      g.append('g').attr('class', 'axis axis-x');
      g.append('g').attr('class', 'axis axis-y');
      g.append('clipPath').attr('id', clipId).append('rect');
      g.append('g').attr('class', 'lines').attr('clip-path', `url(#${clipId})`);
      return g;
    })
    .attr('transform', `translate(${frame.left},${MARGIN.top})`);
  root.select('clipPath rect').attr('width', innerW).attr('height', innerH);
  // Under the brush layer, which takes the pointer.
  svg.select('g.brush').raise();

  root
    .select<SVGGElement>('g.axis-x')
    .attr('transform', `translate(0,${innerH})`)
    .call(
      d3
        .axisBottom(x)
        .tickValues(rangeTicks(domain, Math.max(2, Math.floor(innerW / 80))))
        .tickFormat((t) => formatRangeTick(Number(t), domain)),
    );
  root.select<SVGGElement>('g.axis-y').call(
    d3
      .axisLeft(y)
      .tickValues(yTicks)
      .tickFormat((v) => yLabel(Number(v))),
  );
  root
    .select<SVGGElement>('g.grid')
    .selectAll('line')
    .data(yTicks)
    .join('line')
    .attr('x1', 0)
    .attr('x2', innerW)
    .attr('y1', (v) => y(v))
    .attr('y2', (v) => y(v));

  const line = d3
    .line<number>()
    .defined((v) => Number.isFinite(v))
    .curve(steps ? d3.curveStep : d3.curveLinear)
    .x((_, i) => x(mid(i)))
    .y((v) => y(Math.min(v, top * 1.05)));
  root
    .select('g.lines')
    .selectAll<SVGPathElement, (typeof series)[number]>('path')
    .data(series, (s) => s.spec.key)
    .join('path')
    .attr('data-line', (s) => s.spec.key)
    .attr('fill', 'none')
    .attr('stroke', (s) => s.spec.colour)
    .attr('stroke-width', 1.8)
    .attr('stroke-dasharray', (s) => s.spec.dash)
    .attr('d', (s) => line(s.values as number[]) ?? '');
}
