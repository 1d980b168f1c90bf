import type { ComponentType } from 'react';
import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';
import { useAppStore } from '../store/store';

/**
 * A panel of the compare column whose form works on the run on screen. Another scenario, seed or
 * edits is another run: the form is mounted afresh for it (keyed by the run), so nothing typed
 * for the last run, and no result of it, stays behind. No form until a scenario is loaded.
 */
export function RunFormPanel({
  id,
  title,
  form: Form,
}: {
  /** Names the heading `${id}-heading`, which labels the panel. */
  id: string;
  title: string;
  form: ComponentType<{ scenario: Scenario }>;
}) {
  const scenario = useAppStore((s) => s.run.scenario);
  const run = useAppStore(
    (s) => `${s.run.scenarioName}:${s.run.seed}:${JSON.stringify(s.run.edits)}`,
  );
  return (
    <section className="panel compare-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {scenario && <Form key={run} scenario={scenario} />}
    </section>
  );
}
