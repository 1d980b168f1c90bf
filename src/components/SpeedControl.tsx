import { useBridge } from '../bridge/BridgeContext';
import { SPEEDS, type Speed } from '../store/runSlice';
import { useAppStore } from '../store/store';

const label = (speed: Speed) => (speed === 'max' ? 'max' : `${speed}x`);

export function SpeedControl() {
  const bridge = useBridge();
  const speed = useAppStore((s) => s.run.speed);
  return (
    <fieldset className="control speed-control" data-testid="speed-control">
      <legend>Speed</legend>
      <div className="segmented">
        {SPEEDS.map((s) => (
          <label
            key={s}
            title={s === 'max' ? 'As fast as the worker runs' : `${s} simulated seconds per second`}
          >
            <input
              type="radio"
              name="speed"
              value={String(s)}
              checked={speed === s}
              onChange={() => bridge.setSpeed(s)}
            />
            <span>{label(s)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
