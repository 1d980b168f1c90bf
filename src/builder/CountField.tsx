interface CountFieldProps {
  label: string;
  testId: string;
  value: string;
  min: number;
  max: number;
  onChange: (value: string) => void;
}

/** A small labelled number box; the operation checks the value and names the range if it is off. */
export function CountField({ label, testId, value, min, max, onChange }: CountFieldProps) {
  return (
    <label className="builder-count">
      {label}
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

/** Typed text as a count: empty or not a number gives NaN, which the operation refuses. */
export const countOf = (text: string): number => (text.trim() === '' ? NaN : Number(text));
