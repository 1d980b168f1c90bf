import { useState } from 'react';
import { useBridge } from '../bridge/BridgeContext';
import { reportFileName } from '../store/format';
import { useAppStore } from '../store/store';
import { downloadJson } from './downloadJson';

/** Downloads the run so far exactly as `npm run sim -- <preset> --seed N --json` prints it. */
export function ExportButton() {
  const bridge = useBridge();
  const name = useAppStore((s) => s.run.scenarioName);
  const seed = useAppStore((s) => s.run.seed);
  const status = useAppStore((s) => s.run.status);
  const [exporting, setExporting] = useState(false);
  const exportReport = async () => {
    setExporting(true);
    try {
      const report = await bridge.report();
      downloadJson(`${JSON.stringify(report)}\n`, reportFileName(name, seed));
    } catch {
      // The bridge has already reported the failure with the scenario and seed.
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="control">
      <button
        type="button"
        data-testid="export-json"
        title="Download the run so far in the CLI's --json format"
        disabled={exporting || name === '' || status === 'loading'}
        onClick={() => void exportReport()}
      >
        Export JSON
      </button>
    </div>
  );
}
