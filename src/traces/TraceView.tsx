import { useEffect, useState } from 'react';
import type { Trace } from '../../sim/trace/traceTypes';
import { TraceWaterfall } from './TraceWaterfall';
import { formatMs, formatTime, OUTCOME_TEXT } from './traceFormat';

/** One request: what it was, how it ended, and its waterfall. */
export function TraceView({ trace }: { trace: Trace }) {
  const [width, setWidth] = useState(900);
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(600, Math.floor(entry.contentRect.width)));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [box]);
  const retries = trace.attempts.length - 1;
  return (
    <article
      className="trace-view"
      aria-labelledby="trace-view-heading"
      data-testid="trace-view"
      data-trace-id={trace.id}
      data-end={trace.end}
    >
      <h3 id="trace-view-heading">
        Request #{trace.id} from {trace.source}
      </h3>
      <p className="trace-summary">
        Sent at {formatTime(trace.start)}, {OUTCOME_TEXT[trace.outcome]} after{' '}
        <strong data-testid="trace-latency" data-seconds={trace.latency}>
          {formatMs(trace.latency)}
        </strong>
        {retries > 0 ? `, ${retries} ${retries === 1 ? 'retry' : 'retries'}` : ''}.
        {!trace.complete &&
          ' Not sampled: only where each attempt failed is known, not the calls that had returned.'}
      </p>
      <ul className="trace-legend" aria-label="Waterfall legend">
        <li>
          <svg width="18" height="10" aria-hidden="true">
            <rect width="18" height="10" className="legend-queued" />
          </svg>
          queued (hatched)
        </li>
        <li>
          <svg width="18" height="10" aria-hidden="true">
            <rect width="18" height="10" className="legend-service" />
          </svg>
          in service (solid)
        </li>
        <li>calls are indented under the visit that made them</li>
      </ul>
      <div ref={setBox} className="trace-waterfall-box">
        <TraceWaterfall trace={trace} width={width} />
      </div>
    </article>
  );
}
