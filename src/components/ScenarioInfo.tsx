import { formatClock } from '../store/format';
import { useAppStore } from '../store/store';

export function ScenarioInfo() {
  const title = useAppStore((s) => s.run.title);
  const description = useAppStore((s) => s.run.description);
  const name = useAppStore((s) => s.run.scenarioName);
  const seed = useAppStore((s) => s.run.seed);
  const duration = useAppStore((s) => s.run.duration);
  const edits = useAppStore((s) => s.run.edits.length);
  if (name === '') return null;
  return (
    <section className="scenario-info" aria-labelledby="scenario-title">
      <h2 id="scenario-title">{title}</h2>
      <p className="run-line" data-testid="run-line">
        <code>{name}</code>, seed <code data-testid="applied-seed">{seed}</code>,{' '}
        {formatClock(duration)} simulated.{' '}
        {edits === 0 ? (
          <>
            Same run from the command line:{' '}
            <code>
              npm run sim -- {name} --seed {seed}
            </code>
          </>
        ) : (
          // An edited lesson is no preset the CLI knows: the scenario file is.
          <>
            {edits} field{edits > 1 ? 's' : ''} edited (see Parameters); the page address holds
            them, and “Export scenario” saves a file for{' '}
            <code>npm run sim -- &lt;file&gt; --seed {seed}</code>
          </>
        )}
      </p>
      <p className="description" data-testid="scenario-description">
        {description}
      </p>
    </section>
  );
}
