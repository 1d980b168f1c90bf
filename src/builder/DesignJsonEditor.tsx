import { useBuilderStore } from './builderStore';
import type { DesignState } from './designSync';

/**
 * The design's JSON, editable. Each change is parsed and validated with the worker's validator;
 * a valid text redraws the canvas, an invalid one lists the validator's messages (path, allowed
 * range, value given) and the canvas keeps the last valid design.
 */
export function DesignJsonEditor({ design }: { design: DesignState }) {
  const editText = useBuilderStore((s) => s.editText);
  const problems = design.errors.length;
  return (
    <div className="builder-json">
      <label htmlFor="builder-json-text">Scenario JSON</label>
      <textarea
        id="builder-json-text"
        data-testid="builder-json"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-invalid={problems > 0}
        aria-describedby="builder-json-status"
        value={design.text}
        onChange={(event) => editText(event.target.value)}
      />
      <p
        id="builder-json-status"
        className={problems > 0 ? 'builder-status builder-invalid' : 'builder-status'}
        data-testid="builder-json-status"
        data-valid={problems === 0}
        aria-live="polite"
      >
        {problems === 0
          ? 'Valid: the canvas shows this document.'
          : `${problems} problem${problems === 1 ? '' : 's'}: the canvas keeps the last valid design until they are fixed.`}
      </p>
      {problems > 0 && (
        // Focusable and named: a long list scrolls, and must scroll from the keyboard too (axe's
        // scrollable-region-focusable).
        <ul
          className="builder-errors"
          data-testid="builder-errors"
          tabIndex={0}
          aria-label="Problems in the design's JSON"
        >
          {design.errors.map((error) => (
            <li key={error} data-testid="builder-error">
              {error}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
