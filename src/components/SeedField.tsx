import { useState, type FormEvent } from 'react';
import { useBridge } from '../bridge/BridgeContext';
import { parseSeed } from '../store/seed';
import { useAppStore } from '../store/store';

/**
 * The seed is applied on Enter (or the Apply button), to the same preset and edits. A bad value
 * stays in the field, marked invalid with the allowed range beside it, and the run keeps its seed.
 */
export function SeedField() {
  const bridge = useBridge();
  const seed = useAppStore((s) => s.run.seed);
  const name = useAppStore((s) => s.run.scenarioName);
  const status = useAppStore((s) => s.run.status);
  const [text, setText] = useState(String(seed));
  const [shownSeed, setShownSeed] = useState(seed);
  const [error, setError] = useState<string | null>(null);
  if (shownSeed !== seed) {
    // A new run (another preset, the URL) brings its own seed into the field.
    setShownSeed(seed);
    setText(String(seed));
    setError(null);
  }

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSeed(text.trim());
    if (!parsed.ok) {
      setError(`${parsed.message}; still running seed ${seed}.`);
      return;
    }
    setError(null);
    if (parsed.seed !== seed) void bridge.changeSeed(parsed.seed);
  };

  return (
    <form className="control seed-control" onSubmit={apply} noValidate>
      <label htmlFor="seed-input">Seed</label>
      <div className="seed-row">
        <input
          id="seed-input"
          data-testid="seed-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error ? 'seed-error' : undefined}
          disabled={status === 'loading' || name === ''}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
          }}
        />
        <button type="submit" disabled={status === 'loading' || name === ''}>
          Apply
        </button>
      </div>
      {error && (
        <p id="seed-error" className="field-error" role="alert" data-testid="seed-error">
          {error}
        </p>
      )}
    </form>
  );
}
