import { useMemo, useState } from 'react';
import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';
import { parseKnobText } from '../store/edits';
import { describeComparison, NO_FEEDBACK, refusalFeedback, type Feedback } from './compareFeedback';
import { knobsOf, knobText } from '../store/knobs';
import { appStore, useAppStore } from '../store/store';
import { shapeAB, type AbResult } from './abResult';
import { runAB } from './abRun';
import { AbResultView } from './AbResultView';
import { CancelButton } from './CancelButton';
import { NumberField } from './NumberField';
import { RunFormPanel } from './RunFormPanel';
import { parseUntil } from './runInputs';
import { SideJobForm } from './SideJobForm';
import { useSideJob } from './useSideJob';
import { requestA, requestB, type VariantChoice } from './variantRequests';
import { VariantBFields, type ChangeRow } from './VariantBFields';
import { VariantMode } from './VariantMode';

/** "Compare A/B": the run on screen (A) against a variant of it (B), on the same seed. */
export function ComparePanel() {
  // Another run on screen is another A: a fresh form, no stale result.
  return <RunFormPanel id="compare" title="Compare A/B" form={CompareForm} />;
}

function CompareForm({ scenario }: { scenario: Scenario }) {
  const presets = useAppStore((s) => s.run.presets);
  const groups = useMemo(() => knobsOf(scenario), [scenario]);
  const first = groups.flatMap((g) => g.knobs).find((k) => k.key.endsWith('servers'));
  const [mode, setMode] = useState<VariantChoice['kind']>('edits');
  const [rows, setRows] = useState<ChangeRow[]>(() =>
    first ? [{ id: 1, key: first.key, text: knobText(first.value) }] : [],
  );
  const [preset, setPreset] = useState(() => presets[0]?.name ?? '');
  const [untilText, setUntilText] = useState('');
  const [untilError, setUntilError] = useState<string | undefined>();
  const [progress, setProgress] = useState<[number, number]>([0, 0]);
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const [result, setResult] = useState<{ ab: AbResult; description: string } | null>(null);
  const job = useSideJob();

  const submit = async () => {
    const until = parseUntil(untilText, scenario);
    setUntilError(until.ok ? undefined : until.error);
    if (!until.ok) return;
    const changes = rows.map((r) => [r.key, parseKnobText(r.text)] as const);
    const choice: VariantChoice =
      mode === 'edits' ? { kind: 'edits', changes } : { kind: 'preset', name: preset };
    const onScreen = appStore.getState().run;
    const a = requestA(onScreen);
    const b = requestB(onScreen, choice);
    setFeedback(NO_FEEDBACK);
    setResult(null);
    setProgress([0, 0]);
    const outcome = await job.start((signal) =>
      runAB(a, b, until.value, (pa, pb) => setProgress([pa, pb]), signal),
    );
    if (!outcome.ok) {
      const message = outcome.cancelled
        ? 'Cancelled: no result.'
        : `The comparison failed: ${outcome.error}`;
      return setFeedback({ byKey: {}, general: [message] });
    }
    const ab = outcome.value;
    if (!ab.ok)
      return setFeedback(
        refusalFeedback(
          ab,
          groups,
          rows.map((r) => r.key),
        ),
      );
    const description = describeComparison(onScreen, choice, changes, ab.a.report.simulatedSeconds);
    setResult({ ab: shapeAB(ab.a, ab.b), description });
  };

  return (
    <>
      <SideJobForm
        label="Compare A/B"
        note={
          <>
            A is the run on screen (its edits and injected faults). Both variants run to the end, or
            to the time given, on the same seed in two workers side by side: the same users send the
            same requests, so the difference is B&apos;s doing.
          </>
        }
        onSubmit={submit}
      >
        <VariantMode
          mode={mode}
          presets={presets}
          preset={preset}
          disabled={job.running}
          onMode={setMode}
          onPreset={setPreset}
        />
        {mode === 'edits' && (
          <VariantBFields
            groups={groups}
            rows={rows}
            errors={feedback.byKey}
            disabled={job.running}
            onChange={setRows}
          />
        )}
        <div className="compare-buttons">
          <NumberField
            id="compare-until"
            label="Run to t = (s)"
            value={untilText}
            error={untilError}
            disabled={job.running}
            placeholder={`end: ${scenario.duration}`}
            onChange={setUntilText}
          />
          <button
            type="submit"
            className="primary"
            data-testid="compare-run"
            disabled={job.running || (mode === 'edits' && rows.length === 0)}
          >
            Run A and B
          </button>
          <CancelButton job={job} testId="compare-cancel" />
          {job.running && (
            <>
              <label className="compare-progress">
                A <progress data-testid="compare-progress-a" max={1} value={progress[0]} />
              </label>
              <label className="compare-progress">
                B <progress data-testid="compare-progress-b" max={1} value={progress[1]} />
              </label>
            </>
          )}
        </div>
        {feedback.general.map((message) => (
          <p key={message} className="param-error" role="alert" data-testid="compare-error">
            {message}
          </p>
        ))}
      </SideJobForm>
      {result && <AbResultView result={result.ab} description={result.description} />}
    </>
  );
}
