import { useState } from 'react';
import type { ReplicationReport } from '../../sim/metrics/replications';
import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';
import { appStore } from '../store/store';
import { CancelButton } from './CancelButton';
import { NumberField } from './NumberField';
import { runReplications } from './replicationRun';
import { ReplicationTable } from './ReplicationTable';
import { RunFormPanel } from './RunFormPanel';
import { MAX_PAGE_REPLICATIONS, parseRuns, parseUntil } from './runInputs';
import { SideJobForm } from './SideJobForm';
import { useSideJob } from './useSideJob';
import { requestA } from './variantRequests';

/** "Run N seeds": how far one run's figures can be trusted, as a mean and a 95% interval. */
export function ReplicationsPanel() {
  return <RunFormPanel id="replications" title="Replications" form={ReplicationsForm} />;
}

function ReplicationsForm({ scenario }: { scenario: Scenario }) {
  const [runsText, setRunsText] = useState('5');
  const [untilText, setUntilText] = useState('');
  const [errors, setErrors] = useState<{ runs?: string; until?: string; general?: string }>({});
  const [progress, setProgress] = useState(0);
  const [summary, setSummary] = useState<ReplicationReport | null>(null);
  const job = useSideJob();

  const submit = async () => {
    const runs = parseRuns(runsText);
    const until = parseUntil(untilText, scenario);
    if (!runs.ok || !until.ok) {
      return setErrors({
        ...(runs.ok ? {} : { runs: runs.error }),
        ...(until.ok ? {} : { until: until.error }),
      });
    }
    setErrors({});
    setSummary(null);
    setProgress(0);
    const request = { ...requestA(appStore.getState().run), seed: appStore.getState().run.seed };
    const outcome = await job.start((signal) =>
      runReplications(request, runs.value, until.value, setProgress, signal),
    );
    if (!outcome.ok) {
      return setErrors({ general: outcome.cancelled ? 'Cancelled: no result.' : outcome.error });
    }
    if (!outcome.value.ok) return setErrors({ general: outcome.value.errors.join('; ') });
    setSummary(outcome.value.summary);
  };

  return (
    <>
      <SideJobForm
        label="Replications"
        note={
          <>
            The run on screen (edits and injected faults included) on seeds S, S+1, ..., S+N−1, S
            its seed, N from 2 to {MAX_PAGE_REPLICATIONS}, one after another in a worker of their
            own. Each figure is the mean over the runs ± the half-width of its 95% Student-t
            interval, the scenario&apos;s warm-up left out of every run, with queueing theory beside
            it where the station is a textbook queue.
          </>
        }
        onSubmit={submit}
      >
        <div className="compare-buttons">
          <NumberField
            id="replication-runs"
            label="Runs (seeds)"
            value={runsText}
            error={errors.runs}
            disabled={job.running}
            onChange={setRunsText}
          />
          <NumberField
            id="replication-until"
            label="Each to t = (s)"
            value={untilText}
            error={errors.until}
            disabled={job.running}
            placeholder={`end: ${scenario.duration}`}
            onChange={setUntilText}
          />
          <button
            type="submit"
            className="primary"
            data-testid="replication-run"
            disabled={job.running}
          >
            Run N seeds
          </button>
          <CancelButton job={job} testId="replication-cancel" />
          {job.running && (
            <label className="compare-progress">
              Done <progress data-testid="replication-progress" max={1} value={progress} />
            </label>
          )}
        </div>
        {errors.general && (
          <p className="param-error" role="alert" data-testid="replication-error">
            {errors.general}
          </p>
        )}
      </SideJobForm>
      {summary && <ReplicationTable summary={summary} />}
    </>
  );
}
