import { useState } from 'react';
import { useBridge } from '../bridge/BridgeContext';
import { downloadText } from '../components/download';
import { useBuilderStore } from './builderStore';
import type { DesignState } from './designSync';
import { formatDesign } from './formatDesign';
import { ShareDesign } from './ShareDesign';
import { startingDesign } from './startingDesign';

/** Run the design like a preset, save it for the CLI, share it as a link, or start again. */
export function DesignActions({ design }: { design: DesignState }) {
  const bridge = useBridge();
  const notify = useBuilderStore((s) => s.notify);
  const apply = useBuilderStore((s) => s.apply);
  const [busy, setBusy] = useState(false);
  const invalid = design.errors.length > 0;
  const name = typeof design.doc.name === 'string' ? design.doc.name : 'design';

  const run = async () => {
    setBusy(true);
    try {
      const outcome = await bridge.loadDocument(design.doc);
      notify(
        outcome.ok
          ? { text: `Loaded "${name}" at t = 0: press Play to run it.`, tone: 'info' }
          : {
              text: `The simulation refused the design: ${outcome.errors.join('; ')}`,
              tone: 'error',
            },
      );
    } finally {
      setBusy(false);
    }
  };

  const restart = async () => {
    setBusy(true);
    try {
      // A change like any other: Undo brings the thrown-away design back.
      const doc = startingDesign(await bridge.scenarioDocument());
      apply({ ok: true, doc }, 'Started again from the loaded scenario.');
    } catch {
      // The bridge has already reported the failure with the scenario and seed.
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="builder-actions" role="group" aria-label="Design actions">
      <button
        type="button"
        data-testid="builder-run"
        disabled={busy || invalid}
        title={invalid ? 'Fix the JSON first' : 'Load this design into the simulation, from t = 0'}
        onClick={() => void run()}
      >
        Run this design
      </button>
      <button
        type="button"
        data-testid="builder-export"
        disabled={invalid}
        title={`Download the design; run it with: npm run sim -- ${name}.json`}
        onClick={() => downloadText(formatDesign(design.doc), `${name}.json`, 'application/json')}
      >
        Export
      </button>
      <ShareDesign doc={design.doc} disabled={invalid} />
      <button
        type="button"
        data-testid="builder-restart"
        disabled={busy}
        title="Throw this design away and start again from the scenario now loaded"
        onClick={() => void restart()}
      >
        Start again from the loaded scenario
      </button>
    </div>
  );
}
