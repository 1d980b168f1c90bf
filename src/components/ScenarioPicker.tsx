import { useBridge } from '../bridge/BridgeContext';
import { useAppStore } from '../store/store';

export function ScenarioPicker() {
  const bridge = useBridge();
  const presets = useAppStore((s) => s.run.presets);
  const name = useAppStore((s) => s.run.scenarioName);
  const status = useAppStore((s) => s.run.status);
  return (
    <div className="control">
      <label htmlFor="scenario-picker">Scenario</label>
      <select
        id="scenario-picker"
        data-testid="scenario-picker"
        value={name}
        disabled={presets.length === 0 || status === 'loading'}
        onChange={(e) => void bridge.loadPreset(e.currentTarget.value)}
      >
        {name === '' && <option value="">Loading…</option>}
        {name !== '' && !presets.some((p) => p.name === name) && (
          <option value={name}>{name} (your design)</option>
        )}
        {presets.map((p) => (
          <option key={p.name} value={p.name}>
            {p.title}
          </option>
        ))}
      </select>
    </div>
  );
}
