import { useCallback, useState } from 'react';
import type { Trace } from '../../sim/trace/traceTypes';
import { useBridge } from '../bridge/BridgeContext';
import { useAppStore } from '../store/store';
import { TraceList } from './TraceList';
import { TraceView } from './TraceView';
import { useChartClickTime } from './useChartClickTime';
import { useTraceLists } from './useTraceLists';
import './traces.css';

/** A click within this share of the shown range of the chart picks the slowest request there. */
const CLICK_WINDOW_SHARE = 0.005;

/**
 * Per-request traces: the latest sampled requests and failures, and one request's waterfall.
 * A click on the client latency chart opens the slowest request that ended near that moment;
 * the time field does the same from the keyboard.
 */
export function TracesSection() {
  const bridge = useBridge();
  const run = useAppStore((s) => `${s.run.scenarioName}:${s.run.seed}`);
  const duration = useAppStore((s) => s.run.duration);
  const { recent, failed, refresh } = useTraceLists(bridge, run);
  const [trace, setTrace] = useState<Trace | null>(null);
  const [message, setMessage] = useState('');
  const [near, setNear] = useState('');

  const show = useCallback(
    (found: Trace | undefined, what: string) => {
      setTrace(found ?? null);
      setMessage(found ? '' : `No trace ${what} yet.`);
      refresh();
    },
    [refresh],
  );
  const openId = (id: number) =>
    void bridge.inspect((api) => api.trace(id)).then((t) => show(t, `#${id}`));
  const openNear = useCallback(
    (t: number) => {
      const window = Math.max(duration, 1) * CLICK_WINDOW_SHARE;
      void bridge
        .inspect((api) => api.traceNear(t, window))
        .then((found) => show(found, `near t = ${t.toFixed(2)} s`));
    },
    [bridge, duration, show],
  );
  useChartClickTime('chart-latency', openNear);

  return (
    <section aria-labelledby="traces-heading" className="panel traces" data-testid="traces">
      <h2 id="traces-heading">Traces</h2>
      <p className="traces-intro">
        About 20 requests per source and simulated second are followed hop by hop, and every request
        that fails. Click a point on the client latency chart to open the slowest request that ended
        near that moment.
      </p>
      <form
        className="traces-near"
        onSubmit={(event) => {
          event.preventDefault();
          const t = Number(near);
          if (near.trim() !== '' && Number.isFinite(t)) openNear(t);
          else setMessage('Time must be a number of seconds.');
        }}
      >
        <label htmlFor="trace-near-time">Open a trace near t =</label>
        <input
          id="trace-near-time"
          type="number"
          min={0}
          step="any"
          value={near}
          onChange={(event) => setNear(event.target.value)}
          data-testid="trace-near-time"
        />
        <span>s</span>
        <button type="submit">Open</button>
        <span role="status" className="traces-message" data-testid="traces-message">
          {message}
        </span>
      </form>
      <div className="traces-lists">
        <TraceList
          caption="Recent requests (sampled)"
          testId="traces-recent"
          traces={recent}
          onOpen={openId}
          selected={trace?.id ?? null}
        />
        <TraceList
          caption="Failed requests"
          testId="traces-failed"
          traces={failed}
          onOpen={openId}
          selected={trace?.id ?? null}
        />
      </div>
      {trace && <TraceView trace={trace} />}
    </section>
  );
}
