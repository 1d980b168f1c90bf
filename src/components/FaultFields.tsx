import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';
import type { FieldSpec, FieldValues } from './faultKinds';

interface FaultFieldProps {
  field: FieldSpec;
  scenario: Scenario;
  values: FieldValues;
  error: string | undefined;
  disabled: boolean;
  onChange(name: string, value: string): void;
}

/** One labelled input of the fault form; a bad value keeps its text and gets the message beside. */
export function FaultField({
  field,
  scenario,
  values,
  error,
  disabled,
  onChange,
}: FaultFieldProps) {
  const id = `fault-${field.name}`;
  const value = values[field.name] ?? '';
  return (
    <div className="control">
      <label htmlFor={id}>{field.label}</label>
      {field.kind === 'choice' ? (
        <select
          id={id}
          data-testid={id}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(field.name, e.currentTarget.value)}
        >
          {(field.options?.(scenario, values) ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <NumberInput
          id={id}
          value={value}
          error={error}
          disabled={disabled}
          placeholder={field.optional && !field.initial ? 'to the end' : undefined}
          onChange={(text) => onChange(field.name, text)}
        />
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

interface NumberInputProps {
  id: string;
  value: string;
  error: string | undefined;
  disabled: boolean;
  placeholder?: string | undefined;
  onChange(text: string): void;
}

/** Free text rather than type="number", so a bad value stays visible next to its message. */
export function NumberInput({
  id,
  value,
  error,
  disabled,
  placeholder,
  onChange,
}: NumberInputProps) {
  return (
    <input
      id={id}
      data-testid={id}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      className="number-input"
      value={value}
      placeholder={placeholder}
      disabled={disabled}
      aria-invalid={error !== undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error inline" role="alert" data-testid={`${id}-error`}>
      {error}
    </p>
  );
}
