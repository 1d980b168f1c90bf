import { useEffect, useState, type FormEvent } from 'react';
import { appStore, useAppStore } from '../store/store';
import { checkZoom } from '../store/zoomSlice';

/** Up to a millisecond: what a brushed range shows in the inputs. */
const show = (seconds: number) => String(Number(seconds.toFixed(3)));

/**
 * The zoom of every chart without a mouse: "From" and "To" in simulated seconds, checked against
 * the run's length, and "Reset zoom" (or Escape anywhere on the page) for the whole run. A range
 * brushed on a chart shows up here too.
 */
export function ZoomControls() {
  const zoom = useAppStore((s) => s.zoom);
  const duration = useAppStore((s) => s.run.duration);
  const scenarioName = useAppStore((s) => s.run.scenarioName);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setFrom(zoom ? show(zoom[0]) : '');
    setTo(zoom ? show(zoom[1]) : '');
    if (zoom) setError(null);
  }, [zoom]);

  // A zoom belongs to the run it was made on: another scenario starts on its whole length.
  useEffect(() => appStore.getState().resetZoom(), [scenarioName]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (appStore.getState().zoom === null) return;
      appStore.getState().resetZoom();
      setError(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const a = from.trim() === '' ? NaN : Number(from);
    const b = to.trim() === '' ? NaN : Number(to);
    const problem = checkZoom(a, b, duration);
    setError(problem);
    if (problem === null) appStore.getState().setZoom([a, b]);
  };
  const reset = () => {
    appStore.getState().resetZoom();
    setError(null);
  };

  return (
    <form
      className="zoom-controls"
      aria-label="Zoom of the charts"
      data-testid="zoom-controls"
      onSubmit={apply}
      noValidate
    >
      <span className="zoom-status" data-testid="zoom-status" aria-live="polite">
        {zoom ? `Showing ${show(zoom[0])} s to ${show(zoom[1])} s` : 'Showing the whole run'}
        {' (drag across a chart to zoom)'}
      </span>
      <label htmlFor="zoom-from">From (s)</label>
      <input
        id="zoom-from"
        data-testid="zoom-from"
        type="number"
        inputMode="decimal"
        min={0}
        max={duration}
        step="any"
        value={from}
        aria-invalid={error !== null}
        aria-describedby={error ? 'zoom-error' : undefined}
        onChange={(e) => setFrom(e.currentTarget.value)}
      />
      <label htmlFor="zoom-to">To (s)</label>
      <input
        id="zoom-to"
        data-testid="zoom-to"
        type="number"
        inputMode="decimal"
        min={0}
        max={duration}
        step="any"
        value={to}
        aria-invalid={error !== null}
        aria-describedby={error ? 'zoom-error' : undefined}
        onChange={(e) => setTo(e.currentTarget.value)}
      />
      <button type="submit" className="small" data-testid="zoom-apply">
        Zoom
      </button>
      <button
        type="button"
        className="small"
        data-testid="zoom-reset"
        disabled={zoom === null}
        onClick={reset}
      >
        Reset zoom
      </button>
      {error && (
        <p id="zoom-error" className="zoom-error" role="alert" data-testid="zoom-error">
          {error}
        </p>
      )}
    </form>
  );
}
