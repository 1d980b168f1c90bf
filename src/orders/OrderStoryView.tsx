import * as d3 from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import type { OrderStory } from '../../sim/model/orders/orderJournal';
import { seriesColour } from '../charts/palette';
import { formatDuration } from '../store/format';
import { sagaSegments, sagaVisits } from './sagaChart';

const WIDTH = 900;
const LANES = ['key', 'saga', 'flow'] as const;
const LANE_LABEL = { key: 'Idempotency key', saga: 'Saga', flow: 'Calls and events' };
const LANE_HEIGHT = 34;
const LEFT = 120;

/** One order told from its machines: the saga's states as its definition lists them, a timeline, every line. */
export function OrderStoryView({ story }: { story: OrderStory }) {
  const svgRef = useRef<SVGSVGElement | null>(null);
  const end = story.endedAt ?? story.entries.at(-1)?.t ?? story.startedAt;
  const visits = useMemo(() => sagaVisits(story.entries), [story]);

  useEffect(() => {
    const svg = d3.select(svgRef.current);
    svg.selectAll('*').remove();
    const span = Math.max(end - story.startedAt, 1e-3);
    const x = d3
      .scaleLinear()
      .domain([story.startedAt, story.startedAt + span])
      .range([LEFT, WIDTH - 10]);
    const lane = (l: (typeof LANES)[number]) => 10 + LANES.indexOf(l) * LANE_HEIGHT;
    svg
      .append('g')
      .selectAll('text')
      .data(LANES)
      .join('text')
      .attr('x', 4)
      .attr('y', (l) => lane(l) + 18)
      .attr('class', 'lane-label')
      .text((l) => LANE_LABEL[l]);
    const states = Object.keys(sagaVisitsIndex(visits));
    const segments = sagaSegments(story.entries, end);
    const seg = svg.append('g').attr('data-testid', 'order-saga-segments');
    seg
      .selectAll('rect')
      .data(segments)
      .join('rect')
      .attr('x', (s) => x(s.from))
      .attr('width', (s) => Math.max(2, x(s.to) - x(s.from)))
      .attr('y', lane('saga') + 4)
      .attr('height', LANE_HEIGHT - 8)
      .attr('fill', (s) => seriesColour(states.indexOf(s.state)))
      .attr('stroke', 'var(--fg, #222)')
      .attr('stroke-width', 0.5)
      .append('title')
      .text((s) => `${s.state}: ${formatDuration(s.to - s.from)}`);
    seg
      .selectAll('text')
      .data(segments.filter((s) => x(s.to) - x(s.from) > 60))
      .join('text')
      .attr('x', (s) => x(s.from) + 3)
      .attr('y', lane('saga') + 21)
      .attr('class', 'segment-label')
      .text((s) => s.state);
    for (const l of ['key', 'flow'] as const) {
      svg
        .append('g')
        .selectAll('line')
        .data(story.entries.filter((e) => e.lane === l))
        .join('line')
        .attr('x1', (e) => x(e.t))
        .attr('x2', (e) => x(e.t))
        .attr('y1', lane(l) + 6)
        .attr('y2', lane(l) + LANE_HEIGHT - 6)
        .attr('stroke', 'currentColor')
        .attr('stroke-width', 2)
        .append('title')
        .text((e) => `${e.t.toFixed(3)} s: ${e.what}${e.state ? ` → ${e.state}` : ''}`);
    }
    svg
      .append('g')
      .attr('transform', `translate(0,${10 + LANES.length * LANE_HEIGHT})`)
      .call(
        d3
          .axisBottom(x)
          .ticks(6)
          .tickFormat((t) => `${(+t).toFixed(2)} s`),
      );
  }, [story, end, visits]);

  return (
    <div className="order-story" data-testid="order-story" data-order={story.orderId}>
      <h3>
        Order {story.orderId}: {story.outcome ?? 'in flight'}{' '}
        <span className="muted">
          (t = {story.startedAt.toFixed(3)} s
          {story.endedAt !== null && `, took ${formatDuration(story.endedAt - story.startedAt)}`})
        </span>
      </h3>
      <p className="table-note">
        The saga's states as its XState definition lists them (sim/machines/orderSaga.machine.ts); ✓
        marks those this order went through.
      </p>
      <ol className="saga-states" data-testid="saga-states">
        {visits.map((v) => (
          <li
            key={v.state}
            data-state={v.state}
            data-visited={v.enteredAt !== null}
            className={v.enteredAt !== null ? 'visited' : undefined}
          >
            {v.enteredAt !== null ? '✓ ' : ''}
            {v.state}
            {v.tags.length > 0 && <span className="muted"> [{v.tags.join(', ')}]</span>}
            {v.enteredAt !== null && <span className="muted"> at {v.enteredAt.toFixed(3)} s</span>}
          </li>
        ))}
      </ol>
      <svg
        ref={svgRef}
        className="order-timeline"
        viewBox={`0 0 ${WIDTH} ${30 + LANES.length * LANE_HEIGHT}`}
        role="img"
        aria-label={`Timeline of order ${story.orderId}: key, saga and calls`}
      />
      {/* Focusable because it scrolls: keyboard users scroll it with the arrow keys. */}
      <ol
        className="order-entries"
        data-testid="order-entries"
        tabIndex={0}
        aria-label={`Log of order ${story.orderId}`}
      >
        {story.entries.map((e, i) => (
          <li key={i} data-lane={e.lane}>
            <span className="entry-time">{e.t.toFixed(3)} s</span>{' '}
            <span className="entry-lane">{e.lane}</span> {e.what}
            {e.state !== undefined && <span className="entry-state"> → {e.state}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

function sagaVisitsIndex(visits: { state: string }[]): Record<string, number> {
  return Object.fromEntries(visits.map((v, i) => [v.state, i]));
}
