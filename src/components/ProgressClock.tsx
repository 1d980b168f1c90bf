import { useRef } from 'react';
import { formatClock } from '../store/format';
import type { AppState } from '../store/store';
import { useAppStore } from '../store/store';
import { useStoreSubscription } from '../store/useStoreSubscription';

const selectTime = (s: AppState) => s.run.now;

const STATUS_TEXT = {
  starting: 'starting',
  loading: 'loading',
  paused: 'paused',
  playing: 'running',
  finished: 'finished',
} as const;

function summary(status: keyof typeof STATUS_TEXT, now: number, duration: number): string {
  if (status === 'playing') return 'Running.';
  if (status === 'paused' || status === 'finished') {
    return `Run ${STATUS_TEXT[status]} at t = ${formatClock(now)} of ${formatClock(duration)}.`;
  }
  return '';
}

/** The simulated clock and a progress bar; both follow the store without re-rendering. */
export function ProgressClock() {
  const duration = useAppStore((s) => s.run.duration);
  const status = useAppStore((s) => s.run.status);
  // The time for the summary below: followed while stopped (a step, the last frame after a pause),
  // not while playing, so that playing re-renders nothing.
  const stoppedAt = useAppStore((s) => (s.run.status === 'playing' ? null : s.run.now));
  const progressRef = useRef<HTMLProgressElement>(null);
  const clockRef = useRef<HTMLOutputElement>(null);
  useStoreSubscription(
    selectTime,
    (now) => {
      const progress = progressRef.current;
      const clock = clockRef.current;
      if (progress) {
        progress.max = Math.max(duration, 1e-9);
        progress.value = now;
      }
      if (clock) {
        clock.textContent = `t = ${formatClock(now)}`;
        clock.dataset.seconds = String(now);
      }
    },
    [duration],
  );
  return (
    <div className="progress-row">
      <label htmlFor="sim-progress" className="visually-hidden">
        Simulated time
      </label>
      <progress id="sim-progress" ref={progressRef} data-testid="sim-progress" max={1} value={0} />
      <output ref={clockRef} className="clock" data-testid="sim-clock" aria-live="off">
        t = 00:00.000
      </output>
      <span className="duration">of {formatClock(duration)}</span>
      <span className={`status status-${status}`} data-testid="run-status" data-status={status}>
        {STATUS_TEXT[status]}
      </span>
      {/* For screen readers: said when the run starts, pauses, steps or ends, never per frame. */}
      <span className="visually-hidden" role="status" data-testid="run-summary">
        {summary(status, stoppedAt ?? 0, duration)}
      </span>
    </div>
  );
}
