import { useState } from 'react';
import { useBridge } from '../bridge/BridgeContext';
import { exportFileName, reportFileName } from '../store/format';
import { useAppStore } from '../store/store';
import { downloadText } from './download';

/** A button that fetches something from the worker and saves it; off while the run loads. */
function DownloadButton({
  label,
  title,
  testId,
  fetch,
}: {
  label: string;
  title: string;
  testId: string;
  fetch: (name: string, seed: number) => Promise<{ text: string; fileName: string; type: string }>;
}) {
  const name = useAppStore((s) => s.run.scenarioName);
  const seed = useAppStore((s) => s.run.seed);
  const status = useAppStore((s) => s.run.status);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const { text, fileName, type } = await fetch(name, seed);
      downloadText(text, fileName, type);
    } catch {
      // The bridge has already reported the failure with the scenario and seed.
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      data-testid={testId}
      title={title}
      disabled={busy || name === '' || status === 'loading'}
      onClick={() => void save()}
    >
      {label}
    </button>
  );
}

/** The run so far: as `npm run sim -- <preset> --seed N --json` prints it, and its series. */
export function ExportButtons() {
  const bridge = useBridge();
  return (
    <div className="control export-buttons" role="group" aria-label="Export the run">
      <DownloadButton
        label="Export JSON"
        testId="export-json"
        title="Download the run so far in the CLI's --json format"
        fetch={async (name, seed) => ({
          text: `${JSON.stringify(await bridge.report())}\n`,
          fileName: reportFileName(name, seed),
          type: 'application/json',
        })}
      />
      <DownloadButton
        label="Export CSV"
        testId="export-csv"
        title="Download the time series so far: one row per bucket, one column per figure"
        fetch={async (name, seed) => ({
          text: await bridge.seriesCsv(),
          fileName: exportFileName(name, seed, 'series', 'csv'),
          type: 'text/csv',
        })}
      />
    </div>
  );
}

/** The loaded scenario with the faults injected so far: the CLI replays this run from it. */
export function ExportScenarioButton() {
  const bridge = useBridge();
  return (
    <DownloadButton
      label="Export scenario"
      testId="export-scenario"
      title="Download the scenario with the injected faults added to its faults"
      fetch={async (name, seed) => ({
        text: `${JSON.stringify(await bridge.scenarioDocument(), null, 2)}\n`,
        fileName: exportFileName(name, seed, 'scenario', 'json'),
        type: 'application/json',
      })}
    />
  );
}
