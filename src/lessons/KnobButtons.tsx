import { useState } from 'react';

/**
 * The lesson's knobs as buttons that take the keyboard to the parameter panel's field of that
 * name (`param-<path>`, see ParamGroup), opening its group first. A knob the panel does not list
 * (text fields, lists) says so instead.
 */
export function KnobButtons({ knobs }: { knobs: string[] }) {
  const [missing, setMissing] = useState<string | null>(null);
  if (knobs.length === 0) return null;
  const focus = (key: string) => {
    const field = document.getElementById(`param-${key}`);
    if (!(field instanceof HTMLElement)) {
      setMissing(key);
      return;
    }
    setMissing(null);
    const group = field.closest('details');
    if (group) group.open = true;
    field.scrollIntoView({ block: 'center' });
    field.focus();
  };
  return (
    <div className="lesson-knobs">
      <h3 id="lesson-knobs-heading">Knobs that matter</h3>
      <ul aria-labelledby="lesson-knobs-heading" data-testid="lesson-knobs">
        {knobs.map((key) => (
          <li key={key}>
            <button type="button" onClick={() => focus(key)} title={`Go to ${key} in Parameters`}>
              <code>{key}</code>
            </button>
          </li>
        ))}
      </ul>
      <p className="lesson-note" role="status" data-testid="lesson-knob-note">
        {missing &&
          `${missing} is not a number field of the Parameters panel: change it in the scenario file.`}
      </p>
    </div>
  );
}
