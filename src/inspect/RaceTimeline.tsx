import * as d3 from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import type { RaceReplay, ReadBar } from '../../sim/inspect/raceReplay';
import { PlotSvg } from './PlotSvg';
import { opLabel } from './raceText';
import { stackRows } from './raceLayout';

const WIDTH = 560;
const MARGIN = { top: 8, right: 12, bottom: 24, left: 64 };
const WRITER_LANE = 46;
const ROW = 7;
const MAX_ROWS = 14;

const COLOUR = { hit: '#56B4E9', stale: '#D55E00', refill: '#0072B2', failed: '#999999' };

/**
 * Two lanes for one key: the writer's operations on top, the readers' bars below (stacked so
 * none overlap), on one time axis in ms from the start of the stretch. Stale windows are shaded
 * with a hatch across both lanes, and a stale read's bar is hatched and marked with "!", so
 * neither rests on colour alone. d3 draws inside the <svg>; React owns the rest.
 */
export function RaceTimeline({ replay }: { replay: RaceReplay }) {
  const ref = useRef<SVGSVGElement>(null);
  const rows = useMemo(
    () => stackRows(replay.reads, (replay.window.to - replay.window.from) * 0.01),
    [replay],
  );
  const rowCount = Math.min(MAX_ROWS, Math.max(1, ...rows.map((r) => r + 1)));
  const height = MARGIN.top + WRITER_LANE + 16 + rowCount * ROW + MARGIN.bottom;

  useEffect(() => {
    const svg = d3.select(ref.current!);
    svg.selectAll('*').remove();
    const id = `race-${replay.strategy}`;
    const { from, to } = replay.window;
    const x = d3
      .scaleLinear()
      .domain([0, (to - from) * 1000])
      .range([MARGIN.left, WIDTH - MARGIN.right]);
    const at = (t: number) => x((Math.min(to, Math.max(from, t)) - from) * 1000);
    const readerTop = MARGIN.top + WRITER_LANE + 16;
    const bottom = height - MARGIN.bottom;

    const defs = svg.append('defs');
    const hatch = (name: string, colour: string, opacity: number) =>
      defs
        .append('pattern')
        .attr('id', `${id}-${name}`)
        .attr('width', 6)
        .attr('height', 6)
        .attr('patternUnits', 'userSpaceOnUse')
        .attr('patternTransform', 'rotate(45)')
        .append('rect')
        .attr('width', 2.5)
        .attr('height', 6)
        .attr('fill', colour)
        .attr('opacity', opacity);
    hatch('window', COLOUR.stale, 0.35);
    hatch('bar', COLOUR.stale, 1);

    svg
      .append('g')
      .attr('class', 'stale-windows')
      .selectAll('rect')
      .data(replay.staleWindows)
      .join('rect')
      .attr('data-testid', 'stale-window')
      .attr('x', (w) => at(w.from))
      .attr('width', (w) => Math.max(1, at(w.to) - at(w.from)))
      .attr('y', MARGIN.top)
      .attr('height', bottom - MARGIN.top)
      .attr('fill', `url(#${id}-window)`)
      .append('title')
      .text(
        (w) => `stale: the cache held v${w.cached}, the database had committed v${w.committed}`,
      );
    // Name the versions where the window is wide enough to hold the words.
    svg
      .append('g')
      .attr('class', 'stale-labels')
      .selectAll('text')
      .data(replay.staleWindows.filter((w) => at(w.to) - at(w.from) > 70))
      .join('text')
      .attr('x', (w) => at(w.from) + 3)
      .attr('y', readerTop - 11)
      .text((w) => `cache v${w.cached} < DB v${w.committed}`);

    const lanes = svg.append('g').attr('class', 'lane-labels');
    lanes
      .append('text')
      .attr('x', 4)
      .attr('y', MARGIN.top + 30)
      .text('writer');
    lanes
      .append('text')
      .attr('x', 4)
      .attr('y', readerTop + 8)
      .text('readers');
    svg
      .append('line')
      .attr('class', 'lane-divider')
      .attr('x1', MARGIN.left)
      .attr('x2', WIDTH - MARGIN.right)
      .attr('y1', readerTop - 8)
      .attr('y2', readerTop - 8);

    const writerY = MARGIN.top + 34;
    const ops = replay.writer;
    if (ops.length > 0) {
      svg
        .append('line')
        .attr('class', 'writer-span')
        .attr('x1', at(ops[0]!.at))
        .attr('x2', at(ops[ops.length - 1]!.at))
        .attr('y1', writerY)
        .attr('y2', writerY);
    }
    const marks = svg
      .append('g')
      .attr('class', 'writer-ops')
      .selectAll('g')
      .data(ops)
      .join('g')
      .attr('transform', (o) => `translate(${at(o.at)},${writerY})`);
    marks
      .append('path')
      .attr('d', (o) => d3.symbol(o.op === 'commit' ? d3.symbolDiamond : d3.symbolCircle, 40)())
      .attr('class', (o) => `op op-${o.op}`);
    // Labels alternate between two heights, so marks close together stay readable.
    marks
      .append('text')
      .attr('class', 'op-label')
      .attr('text-anchor', 'middle')
      .attr('y', (_, i) => (i % 2 === 0 ? -8 : -20))
      .text((o) => opLabel(o.op, o.version));

    const reads = svg
      .append('g')
      .attr('class', 'read-bars')
      .selectAll('g')
      .data(replay.reads.map((r, i) => ({ r, row: rows[i]! })).filter((d) => d.row < MAX_ROWS))
      .join('g')
      .attr('data-outcome', (d) => d.r.outcome);
    reads
      .append('rect')
      .attr('x', (d) => at(d.r.began))
      .attr('y', (d) => readerTop + d.row * ROW)
      .attr('width', (d) => Math.max(2, at(d.r.ended) - at(d.r.began)))
      .attr('height', ROW - 2)
      .attr('fill', (d) => (d.r.outcome === 'stale' ? `url(#${id}-bar)` : COLOUR[d.r.outcome]))
      .attr('stroke', (d) => (d.r.outcome === 'stale' ? COLOUR.stale : 'none'))
      .append('title')
      .text((d) => readTitle(d.r));
    reads
      .filter((d) => d.r.outcome === 'stale')
      .append('text')
      .attr('class', 'stale-mark')
      .attr('x', (d) => at(d.r.ended) + 2)
      .attr('y', (d) => readerTop + d.row * ROW + ROW - 1)
      .text('!');

    svg
      .append('g')
      .attr('transform', `translate(0,${bottom})`)
      .call(
        d3
          .axisBottom(x)
          .ticks(6)
          .tickFormat((v) => `${d3.format('~g')(v as number)} ms`),
      );
  }, [replay, rows, height]);

  return (
    <PlotSvg
      ref={ref}
      className="race-timeline"
      box={{ width: WIDTH, height }}
      label={
        `Timeline of one key under ${replay.strategy}: ${replay.writer.length} writer operations, ` +
        `${replay.reads.length} reads, ${replay.staleReadsInWindow} served stale in this stretch`
      }
      testId={`race-timeline-${replay.strategy}`}
    />
  );
}

function readTitle(r: ReadBar): string {
  const what =
    r.outcome === 'stale'
      ? `STALE hit: v${r.version}, but v${r.committedAtBegin} was committed when the read began`
      : r.outcome === 'hit'
        ? `hit v${r.version}`
        : r.outcome === 'refill'
          ? `miss, loaded v${r.version} and filled the cache`
          : 'failed';
  return `${what} (${r.ops.map((o) => o.op).join(' → ')})`;
}
