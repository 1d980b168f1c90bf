import { knobText, type KnobGroup } from '../store/knobs';
import { NumberField } from './NumberField';

/** One knob change of variant B, as typed. */
export interface ChangeRow {
  id: number;
  key: string;
  text: string;
}

interface VariantBFieldsProps {
  groups: readonly KnobGroup[];
  rows: readonly ChangeRow[];
  errors: Record<string, string>;
  disabled: boolean;
  onChange(rows: ChangeRow[]): void;
}

const KIND = { source: 'source', station: 'station', cache: 'cache' } as const;

/**
 * B's knob changes: each a knob of the parameter panel (same list, same keys) and its new value,
 * checked by the same validator when B loads; its message appears beside the row it names.
 */
export function VariantBFields({ groups, rows, errors, disabled, onChange }: VariantBFieldsProps) {
  const knobs = groups.flatMap((g) =>
    g.knobs.map((k) => ({ ...k, part: `${KIND[g.kind]} ${g.id}` })),
  );
  const update = (id: number, patch: Partial<ChangeRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const add = () => {
    const used = new Set(rows.map((r) => r.key));
    const next = knobs.find((k) => !used.has(k.key)) ?? knobs[0];
    if (!next) return;
    const id = Math.max(0, ...rows.map((r) => r.id)) + 1;
    onChange([...rows, { id, key: next.key, text: knobText(next.value) }]);
  };
  return (
    <div className="compare-changes">
      {rows.map((row, i) => {
        const fieldId = `compare-change-${i}`;
        return (
          <div className="compare-change" key={row.id}>
            <div className="control">
              <label htmlFor={`${fieldId}-knob`}>B changes</label>
              <select
                id={`${fieldId}-knob`}
                data-testid={`${fieldId}-knob`}
                value={row.key}
                disabled={disabled}
                onChange={(e) => {
                  const key = e.currentTarget.value;
                  const knob = knobs.find((k) => k.key === key);
                  update(row.id, { key, text: knobText(knob?.value) });
                }}
              >
                {knobs.map((k) => (
                  <option key={k.key} value={k.key}>
                    {k.part}: {k.label}
                  </option>
                ))}
              </select>
            </div>
            <NumberField
              id={`${fieldId}-value`}
              label="to"
              value={row.text}
              error={errors[row.key]}
              disabled={disabled}
              placeholder={knobs.find((k) => k.key === row.key)?.empty}
              onChange={(text) => update(row.id, { text })}
            />
            <button
              type="button"
              className="small"
              disabled={disabled || rows.length === 1}
              aria-label={`Remove change ${i + 1}`}
              onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button type="button" className="small" disabled={disabled} onClick={add}>
        Add a change
      </button>
    </div>
  );
}
