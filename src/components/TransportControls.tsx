import { useBridge } from '../bridge/BridgeContext';
import { useAppStore } from '../store/store';
import { RunToField } from './RunToField';

export function TransportControls() {
  const bridge = useBridge();
  const status = useAppStore((s) => s.run.status);
  const ready = status === 'paused' || status === 'playing';
  const busy = status === 'loading' || status === 'starting';
  return (
    <div className="control transport" role="group" aria-label="Run controls">
      <button
        type="button"
        className="primary"
        data-testid="play-pause"
        aria-keyshortcuts="Space"
        title="Play or pause (Space)"
        disabled={!ready}
        onClick={() => bridge.togglePlay()}
      >
        {status === 'playing' ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        data-testid="step-event"
        title="Run exactly one simulation event"
        disabled={!ready}
        onClick={() => void bridge.stepEvent()}
      >
        Step event
      </button>
      <button
        type="button"
        data-testid="step-second"
        aria-keyshortcuts="ArrowRight"
        title="Advance the simulated clock by one second (Right arrow)"
        disabled={!ready}
        onClick={() => void bridge.stepSecond()}
      >
        Step 1 s
      </button>
      <button
        type="button"
        data-testid="reset"
        title="Back to t = 0 with the same scenario and seed"
        disabled={busy}
        onClick={() => void bridge.reset()}
      >
        Reset
      </button>
      <RunToField />
    </div>
  );
}
