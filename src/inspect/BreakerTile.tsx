import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BreakerView } from '../../sim/inspect/breakerView';
import { useBridge } from '../bridge/BridgeContext';
import { useAppStore } from '../store/store';
import { useStoreSubscription } from '../store/useStoreSubscription';
import { configText, gatingText, STATE_ICON, stateDetail } from './breakerText';
import { RateBars } from './RateBars';
import { WindowStrip } from './WindowStrip';

/**
 * A Hystrix-dashboard style tile for one circuit breaker of the loaded run: its state and why,
 * its rates against the thresholds, the window's contents and its recent transitions. It asks the
 * worker for a fresh view after each snapshot, one request at a time, so it costs at most one
 * small call per frame.
 */
export function BreakerTile() {
  const bridge = useBridge();
  // A new document (another lesson, edits, a seed) brings new breakers.
  const scenario = useAppStore((s) => s.run.scenario);
  const [names, setNames] = useState<string[]>([]);
  const [chosen, setChosen] = useState('');
  const [view, setView] = useState<BreakerView | null>(null);
  const name = names.includes(chosen) ? chosen : (names[0] ?? '');
  const inFlight = useRef(false);
  const nameRef = useRef(name);
  useLayoutEffect(() => {
    nameRef.current = name;
  });

  useEffect(() => {
    let live = true;
    setView(null);
    if (!scenario) return;
    void bridge
      .inspect((api) => api.breakers())
      .then((list) => {
        if (live) setNames(list);
      })
      .catch(() => {
        if (live) setNames([]);
      });
    return () => {
      live = false;
    };
  }, [bridge, scenario]);

  const poll = () => {
    const wanted = nameRef.current;
    if (!wanted || inFlight.current) return;
    inFlight.current = true;
    bridge
      .inspect((api) => api.breakerView(wanted))
      .then((v) => {
        if (nameRef.current === wanted) setView(v);
      })
      .catch(() => undefined)
      .finally(() => {
        inFlight.current = false;
      });
  };
  // Each snapshot moves the clock: that is when the breaker may have changed.
  useStoreSubscription((s) => s.run.now, poll, [name, names]);

  if (names.length === 0) {
    return (
      <div className="inspect-card breaker-tile" data-testid="breaker-tile">
        <h3>Circuit breaker</h3>
        <p className="muted" data-testid="breaker-none">
          This run has no circuit breaker. The circuit-breaker lesson has one on the page&apos;s
          call to recommendations.
        </p>
      </div>
    );
  }
  return (
    <div
      className="inspect-card breaker-tile"
      data-testid="breaker-tile"
      data-now={view?.now ?? ''}
    >
      <h3>Circuit breaker</h3>
      <div className="control">
        <label htmlFor="breaker-select">Breaker</label>
        <select
          id="breaker-select"
          data-testid="breaker-select"
          value={name}
          onChange={(e) => {
            setChosen(e.currentTarget.value);
            setView(null);
          }}
        >
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      {view && view.name === name ? <BreakerBody view={view} /> : <p className="muted">Reading…</p>}
    </div>
  );
}

function BreakerBody({ view }: { view: BreakerView }) {
  return (
    <>
      <p className={`breaker-state state-${view.state}`} aria-live="polite">
        <span aria-hidden="true" className="state-icon">
          {STATE_ICON[view.state]}
        </span>{' '}
        <span data-testid="breaker-state">{view.state}</span>
      </p>
      <p className="breaker-detail" data-testid="breaker-detail">
        {stateDetail(view)}
        <span className="muted"> · since t = {view.stateSince.toFixed(1)} s</span>
      </p>
      <RateBars view={view} />
      <p className="breaker-gating" data-testid="breaker-gating">
        {gatingText(view)}
      </p>
      <WindowStrip view={view} />
      <p className="muted breaker-config">{configText(view)}</p>
      <details className="breaker-log">
        <summary>
          Transitions: {view.transitionCount} · rejected since t = 0: {view.notPermittedTotal}
        </summary>
        <ol data-testid="breaker-transitions">
          {view.transitions.map((t, i) => (
            <li key={i}>
              t = {t.at.toFixed(2)} s: {t.from} → {t.to}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}
