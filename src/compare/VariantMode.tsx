import type { PresetInfo } from '../store/runSlice';
import type { VariantChoice } from './variantRequests';

interface VariantModeProps {
  mode: VariantChoice['kind'];
  presets: readonly PresetInfo[];
  preset: string;
  disabled: boolean;
  onMode(mode: VariantChoice['kind']): void;
  onPreset(name: string): void;
}

/** What B is: this lesson with a few changes, or another lesson (chosen here). */
export function VariantMode({
  mode,
  presets,
  preset,
  disabled,
  onMode,
  onPreset,
}: VariantModeProps) {
  const option = (value: VariantChoice['kind'], text: string) => (
    <label>
      <input
        type="radio"
        name="compare-mode"
        checked={mode === value}
        disabled={disabled}
        onChange={() => onMode(value)}
      />{' '}
      {text}
    </label>
  );
  return (
    <>
      <fieldset className="control compare-mode">
        <legend>B is</legend>
        {option('edits', 'this lesson with changes')}
        {option('preset', 'another lesson')}
      </fieldset>
      {mode === 'preset' && (
        <div className="control">
          <label htmlFor="compare-preset">Lesson B</label>
          <select
            id="compare-preset"
            data-testid="compare-preset"
            value={preset}
            disabled={disabled}
            onChange={(e) => onPreset(e.currentTarget.value)}
          >
            {presets.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}: {p.title}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}
