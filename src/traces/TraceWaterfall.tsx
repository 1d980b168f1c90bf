import * as d3 from 'd3';
import { useEffect, useRef } from 'react';
import type { Trace } from '../../sim/trace/traceTypes';
import { OKABE_ITO } from '../charts/palette';
import { waterfallRows, type WaterfallRow } from './waterfallRows';
import { formatMs } from './traceFormat';

const ROW = 22;
const LABEL_W = 260;
const BADGES_W = 280;
const MARGIN = { top: 22, right: 8, bottom: 6 };
const SERVICE = OKABE_ITO[0];
const QUEUED = OKABE_ITO[4];
const BACKOFF = '#999999';

/**
 * The trace as a waterfall: one row per station visit (calls indented under the visit that made
 * them) and one per backoff between attempts, on the request's own time axis. A bar is split into
 * time queued (hatched) and time in service (solid); badges after it say what happened there.
 * d3 owns the inside of the <svg>; each bar carries its times in data attributes for tests.
 */
export function TraceWaterfall({ trace, width }: { trace: Trace; width: number }) {
  const ref = useRef<SVGSVGElement>(null);
  const rows = waterfallRows(trace);
  const height = MARGIN.top + rows.length * ROW + MARGIN.bottom;
  useEffect(() => draw(ref.current, trace, rows, width), [trace, rows, width]);
  return (
    <>
      <svg
        ref={ref}
        width={width}
        height={height}
        role="img"
        aria-label={`Waterfall of request ${trace.id}: ${rows.length} rows, listed below`}
        data-testid="trace-waterfall"
      />
      {/* The drawing's rows as text, for screen readers: an image hides its labels. */}
      <ol className="visually-hidden" aria-label={`Rows of request ${trace.id}`}>
        {rows.map((r, i) => (
          <li key={i}>{r.tooltip}</li>
        ))}
      </ol>
    </>
  );
}

function draw(node: SVGSVGElement | null, trace: Trace, rows: WaterfallRow[], width: number) {
  if (!node) return;
  const svg = d3.select(node);
  svg.selectAll('*').remove();
  const plotW = Math.max(80, width - LABEL_W - BADGES_W - MARGIN.right);
  // The axis counts from the request's start, so its ticks are round numbers of milliseconds.
  const sinceStart = d3
    .scaleLinear()
    .domain([0, Math.max(trace.latency, 1e-9)])
    .range([LABEL_W, LABEL_W + plotW]);
  const x = (t: number) => sinceStart(t - trace.start);

  const pattern = svg
    .append('defs')
    .append('pattern')
    .attr('id', `hatch-${trace.id}`)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 6)
    .attr('height', 6)
    .attr('patternTransform', 'rotate(45)');
  pattern.append('rect').attr('width', 6).attr('height', 6).attr('fill', '#fff');
  pattern
    .append('line')
    .attr('x1', 0)
    .attr('y1', 0)
    .attr('x2', 0)
    .attr('y2', 6)
    .attr('stroke', QUEUED)
    .attr('stroke-width', 3);

  svg
    .append('g')
    .attr('transform', `translate(0,${MARGIN.top - 4})`)
    .call(
      d3
        .axisTop(sinceStart)
        .ticks(Math.max(2, Math.floor(plotW / 90)))
        .tickFormat((t) => formatMs(Number(t))),
    );

  const row = svg
    .append('g')
    .selectAll('g.row')
    .data(rows)
    .join('g')
    .attr('class', (r) => `row row-${r.kind}`)
    .attr('transform', (_, i) => `translate(0,${MARGIN.top + i * ROW})`);

  row
    .append('text')
    .attr('x', (r) => 4 + r.depth * 14)
    .attr('y', ROW / 2 + 4)
    .attr('class', 'waterfall-label')
    .text((r) => r.label);

  const bar = (_: WaterfallRow, from: number, to: number) =>
    Math.max(to > from ? 1 : 0, x(to) - x(from));
  const hops = row.filter((r) => r.kind === 'hop');
  hops
    .append('rect')
    .attr('class', 'bar-queued')
    .attr('x', (r) => x(r.from))
    .attr('y', 4)
    .attr('height', ROW - 8)
    .attr('width', (r) => bar(r, r.from, r.from + r.queued))
    .attr('fill', `url(#hatch-${trace.id})`)
    .attr('stroke', QUEUED);
  hops
    .append('rect')
    .attr('class', 'bar-service')
    .attr('data-testid', 'waterfall-hop')
    .attr('data-depth', (r) => r.depth)
    .attr('data-queued', (r) => r.queued)
    .attr('data-service', (r) => r.service)
    .attr('x', (r) => x(r.from + r.queued))
    .attr('y', 4)
    .attr('height', ROW - 8)
    .attr('width', (r) => bar(r, r.from + r.queued, r.from + r.queued + r.service))
    .attr('fill', SERVICE);
  row
    .filter((r) => r.kind === 'backoff')
    .append('rect')
    .attr('data-testid', 'waterfall-backoff')
    .attr('data-seconds', (r) => r.service)
    .attr('x', (r) => x(r.from))
    .attr('y', ROW / 2 - 1)
    .attr('height', 2)
    .attr('width', (r) => bar(r, r.from, r.from + r.service))
    .attr('fill', BACKOFF);

  row
    .append('text')
    .attr('x', LABEL_W + plotW + 8)
    .attr('y', ROW / 2 + 4)
    .attr('class', 'waterfall-badges')
    .text((r) => r.badges.join(' · '));
  row.append('title').text((r) => r.tooltip);
}
