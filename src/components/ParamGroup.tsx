import { useState } from 'react';
import { knobText, type KnobGroup } from '../store/knobs';
import { FieldError, NumberInput } from './FaultFields';

const KIND_LABEL = { source: 'Source', station: 'Station', cache: 'Cache' } as const;

interface ParamGroupProps {
  group: KnobGroup;
  /** Text typed per knob key; a knob not in it shows its loaded value. */
  texts: Record<string, string>;
  errors: Record<string, string>;
  defaultOpen: boolean;
  disabled: boolean;
  onChange(key: string, text: string): void;
}

/** The knobs of one part of the scenario, folded away; a refused value unfolds its group. */
export function ParamGroup({
  group,
  texts,
  errors,
  defaultOpen,
  disabled,
  onChange,
}: ParamGroupProps) {
  const [open, setOpen] = useState(defaultOpen);
  const hasError = group.knobs.some((k) => errors[k.key] !== undefined);
  return (
    <details
      className="param-group"
      data-testid={`param-group-${group.kind}-${group.id}`}
      open={open || hasError}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        {KIND_LABEL[group.kind]} <strong>{group.id}</strong>
      </summary>
      <div className="param-fields">
        {group.knobs.map((knob) => {
          const id = `param-${knob.key}`;
          const error = errors[knob.key];
          return (
            <div className="control" key={knob.key}>
              <label htmlFor={id} title={knob.key}>
                {knob.label}
              </label>
              <NumberInput
                id={id}
                value={texts[knob.key] ?? knobText(knob.value)}
                error={error}
                disabled={disabled}
                placeholder={knob.empty}
                onChange={(text) => onChange(knob.key, text)}
              />
              <FieldError id={id} error={error} />
            </div>
          );
        })}
      </div>
    </details>
  );
}
