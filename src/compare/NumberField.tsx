import type { ComponentProps } from 'react';
import { FieldError, NumberInput } from '../components/FaultFields';

/**
 * A number a compare form asks for (runs, "run to t =", a knob's value for B): its label, the
 * free-text input, and the message beside it while the value is refused. One control, so the A/B
 * and replication forms label and flag their fields alike.
 */
export function NumberField({
  label,
  ...input
}: ComponentProps<typeof NumberInput> & { label: string }) {
  return (
    <div className="control">
      <label htmlFor={input.id}>{label}</label>
      <NumberInput {...input} />
      <FieldError id={input.id} error={input.error} />
    </div>
  );
}
