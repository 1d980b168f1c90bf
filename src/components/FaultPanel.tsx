import { useAppStore } from '../store/store';
import { ExportScenarioButton } from './ExportButtons';
import { FaultForm } from './FaultForm';
import { describeFault } from './faultInput';

/** Fault controls for the loaded scenario; the page mounts one per run (keyed by scenario). */
export function FaultPanel() {
  const scenario = useAppStore((s) => s.run.scenario);
  const injected = useAppStore((s) => s.run.injectedFaults);
  return (
    <section className="panel fault-panel" aria-labelledby="faults-heading">
      <h2 id="faults-heading">Faults</h2>
      {scenario && <FaultForm scenario={scenario} />}
      {injected.length > 0 && (
        <>
          <h3 className="fault-list-heading">Injected into this run</h3>
          <ul className="fault-list" data-testid="injected-faults">
            {injected.map((fault, i) => (
              <li key={i}>{describeFault(fault)}</li>
            ))}
          </ul>
        </>
      )}
      <p className="fault-note">
        Injected faults belong to this run: the page address carries them (opening it replays the
        run), and Reset, another seed or a parameter edit give the run without them. “Export
        scenario” saves the scenario with them added to its faults;{' '}
        <code>npm run sim -- &lt;file&gt; --seed N --json</code> replays this run.
      </p>
      <ExportScenarioButton />
    </section>
  );
}
