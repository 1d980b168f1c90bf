import { useRef, useState, type FormEvent } from 'react';
import { runToProblem } from '../../sim/worker/checkRunTo';
import { useBridge } from '../bridge/BridgeContext';
import { appStore, useAppStore } from '../store/store';
import './runTo.css';

interface Target {
  from: number;
  to: number;
}

/** How far a run from `from` to `to` is at `now`, in whole percent (0 for a time refused). */
function percentDone({ from, to }: Target, now: number): number {
  if (!(to > from)) return 0;
  return Math.max(0, Math.min(100, Math.floor((100 * (now - from)) / (to - from))));
}

/**
 * "Run to": runs the simulated clock to exactly the time typed (seconds, fractions too) as fast
 * as the worker goes, on Enter or the Run button. A bad time stays in the field, marked invalid
 * with the allowed range beside it; a long run shows how far it got here and in the progress
 * bar, and Stop (or Pause) leaves it where it got to.
 */
export function RunToField() {
  const bridge = useBridge();
  const status = useAppStore((s) => s.run.status);
  const loaded = useAppStore((s) => s.run.scenarioName !== '');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  // Enter during a run starts a new one: only the latest run may clear the field's state.
  const latest = useRef<Target | null>(null);
  // Whole percent: the field re-renders a hundred times a run at most, not once per frame.
  const percent = useAppStore((s) => (target ? percentDone(target, s.run.now) : 0));

  const run = async (event: FormEvent) => {
    event.preventDefault();
    const { now, duration } = appStore.getState().run;
    const trimmed = text.trim();
    const t = trimmed === '' ? Number.NaN : Number(trimmed);
    // Words are refused here with what was typed; numbers the worker checks against its clock.
    if (Number.isNaN(t)) {
      setError(runToProblem(trimmed, now, duration));
      return;
    }
    setError(null);
    const own = { from: now, to: t };
    latest.current = own;
    setTarget(own);
    const outcome = await bridge.runTo(t);
    if (latest.current !== own) return;
    setTarget(null);
    if (!outcome.ok) setError(outcome.errors.join('; '));
  };

  const disabled = !loaded || status === 'loading' || status === 'starting';
  return (
    <form className="control run-to-control" onSubmit={(e) => void run(e)} noValidate>
      <label htmlFor="run-to-input">Run to (s)</label>
      <div className="seed-row">
        <input
          id="run-to-input"
          data-testid="run-to-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. 120.5"
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error ? 'run-to-error' : undefined}
          disabled={disabled}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
          }}
        />
        {/* One button, so the focus stays on it when Run turns into Stop and back. */}
        <button
          type={target ? 'button' : 'submit'}
          className="run-to-button"
          data-testid="run-to-submit"
          title={
            target
              ? 'Stop the run where it got to'
              : 'Run the simulated clock to exactly this time (Enter)'
          }
          disabled={disabled}
          onClick={(e) => {
            if (!target) return;
            e.preventDefault();
            bridge.pause();
          }}
        >
          {target ? 'Stop' : 'Run'}
        </button>
      </div>
      <p className="run-to-status" aria-hidden="true" data-testid="run-to-status">
        {target ? `to t = ${target.to} s: ${percent}%` : ''}
      </p>
      {/* Said in tens of percent: a screen reader would not keep up with every percent. */}
      <p className="visually-hidden" role="status">
        {target ? `Running to t = ${target.to} s: ${percent - (percent % 10)}% done` : ''}
      </p>
      {error && (
        <p id="run-to-error" className="field-error" role="alert" data-testid="run-to-error">
          {error}
        </p>
      )}
    </form>
  );
}
