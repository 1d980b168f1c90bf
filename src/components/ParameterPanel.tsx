import { useMemo, useState, type FormEvent } from 'react';
import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';
import { useBridge } from '../bridge/BridgeContext';
import { errorsByKnob, mergeEdits, parseKnobText, type DraftEdit, type Edit } from '../store/edits';
import { knobsOf, knobText } from '../store/knobs';
import { useAppStore } from '../store/store';
import { ParamGroup } from './ParamGroup';

/** Groups open at first when a scenario has this few parts; bigger ones start folded. */
const OPEN_UP_TO = 4;

interface Feedback {
  byKey: Record<string, string>;
  general: string[];
}

const NO_FEEDBACK: Feedback = { byKey: {}, general: [] };

/**
 * The scale knobs of the loaded scenario. Typed values are applied together (Enter or Apply):
 * the preset is reloaded with every edit so far and the same seed, from t = 0. The worker's
 * validator decides what is allowed; a refused value keeps its text, its message (path and
 * allowed range) appears beside it, and the run on screen goes on unchanged.
 */
export function ParameterPanel() {
  const scenario = useAppStore((s) => s.run.scenario);
  const edits = useAppStore((s) => s.run.edits);
  const run = useAppStore((s) => `${s.run.scenarioName}:${s.run.seed}`);
  return (
    <section className="panel param-panel" aria-labelledby="params-heading">
      <h2 id="params-heading">Parameters</h2>
      {/* A new run (or new edits) brings fresh fields holding its values. */}
      {scenario && (
        <ParameterForm key={`${run}:${JSON.stringify(edits)}`} scenario={scenario} edits={edits} />
      )}
    </section>
  );
}

function ParameterForm({ scenario, edits }: { scenario: Scenario; edits: readonly Edit[] }) {
  const bridge = useBridge();
  const status = useAppStore((s) => s.run.status);
  const groups = useMemo(() => knobsOf(scenario), [scenario]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const [busy, setBusy] = useState(false);
  const disabled = busy || status === 'loading' || status === 'starting';

  const changes: DraftEdit[] = groups.flatMap((g) =>
    g.knobs
      .filter((k) => texts[k.key] !== undefined && texts[k.key]!.trim() !== knobText(k.value))
      .map((k) => [k.key, parseKnobText(texts[k.key]!)] as const),
  );

  const load = async (next: readonly DraftEdit[]) => {
    setBusy(true);
    try {
      const outcome = await bridge.applyEdits(next);
      // Accepted: the panel is remounted for the new run and shows its values.
      if (!outcome.ok) setFeedback(errorsByKnob(outcome.errors, groups));
    } finally {
      setBusy(false);
    }
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (changes.length > 0) void load(mergeEdits<DraftEdit>(edits, changes));
  };
  const change = (key: string, text: string) => {
    setTexts((t) => ({ ...t, [key]: text }));
    setFeedback(({ byKey, general }) => {
      const rest = { ...byKey };
      delete rest[key];
      return { byKey: rest, general };
    });
  };

  if (groups.length === 0) return <p>This scenario has nothing to edit.</p>;
  return (
    <form className="param-form" onSubmit={apply} noValidate aria-label="Knobs of this run">
      <p className="param-note">
        Changes apply together: Enter or Apply reloads the scenario with them and the same seed,
        from t = 0 (faults injected from the page are dropped). Empty means the field is left out.
      </p>
      <div className="param-groups">
        {groups.map((group) => (
          <ParamGroup
            key={`${group.kind}:${group.id}`}
            group={group}
            texts={texts}
            errors={feedback.byKey}
            defaultOpen={groups.length <= OPEN_UP_TO}
            disabled={disabled}
            onChange={change}
          />
        ))}
      </div>
      {feedback.general.map((message) => (
        <p key={message} className="param-error" role="alert" data-testid="param-error">
          {message}
        </p>
      ))}
      <div className="param-buttons">
        <button
          type="submit"
          className="primary"
          data-testid="param-apply"
          disabled={disabled || changes.length === 0}
        >
          Apply
        </button>
        <button
          type="button"
          data-testid="param-revert"
          disabled={disabled || edits.length === 0}
          onClick={() => void load([])}
        >
          Undo all edits
        </button>
        <span className="param-pending" data-testid="param-pending">
          {changes.length === 0
            ? 'No change typed'
            : `${changes.length} change${changes.length > 1 ? 's' : ''} typed, not applied yet`}
        </span>
      </div>
      {edits.length > 0 && (
        <>
          <h3 className="param-edits-heading">Edits in this run (and its address)</h3>
          <ul className="param-edits" data-testid="applied-edits">
            {edits.map(([key, value]) => (
              <li key={key}>
                <code>{key}</code> = {value === null ? 'left out' : value}
              </li>
            ))}
          </ul>
        </>
      )}
    </form>
  );
}
