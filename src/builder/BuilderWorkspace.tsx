import { useEffect } from 'react';
import { useBridge } from '../bridge/BridgeContext';
import { useAppStore } from '../store/store';
import { AddTools } from './AddTools';
import { useBuilderStore } from './builderStore';
import { hasComponent } from './designDoc';
import { DesignActions } from './DesignActions';
import { DesignCanvas } from './DesignCanvas';
import { DesignJsonEditor } from './DesignJsonEditor';
import { HistoryTools, onHistoryKey } from './HistoryTools';
import { SelectionTools } from './SelectionTools';
import { startingDesign } from './startingDesign';

/**
 * The builder's body: tools, canvas and JSON side by side, and the actions. Loaded on first
 * opening (it brings the scenario validator along); its design store outlives it, so a reopened
 * panel finds the design as it was left.
 */
export function BuilderWorkspace() {
  const bridge = useBridge();
  const design = useBuilderStore((s) => s.design);
  const chosen = useBuilderStore((s) => s.selected);
  const notice = useBuilderStore((s) => s.notice);
  const positions = useBuilderStore((s) => s.positions);
  const { start, select, moveNode } = useBuilderStore.getState();
  const loaded = useAppStore((s) => s.run.scenario !== null);

  // The first opening takes the scenario now loaded; later ones find the design as it was left.
  useEffect(() => {
    if (design || !loaded) return;
    let current = true;
    bridge
      .scenarioDocument()
      .then((doc) => {
        if (current && !useBuilderStore.getState().design) start(startingDesign(doc));
      })
      .catch(() => {
        // The bridge has already reported the failure with the scenario and seed.
      });
    return () => {
      current = false;
    };
  }, [design, loaded, bridge, start]);

  const invalid = (design?.errors.length ?? 0) > 0;
  if (!design) return <p className="builder-hint">Taking the loaded scenario…</p>;
  // A component deleted in the JSON is no longer selected.
  const selected = chosen && hasComponent(design.doc, chosen) ? chosen : null;
  return (
    // Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) anywhere in the builder but the fields with their own undo.
    <div className="builder-workspace" onKeyDown={onHistoryKey}>
      <div className="builder-toolbar">
        <AddTools doc={design.doc} disabled={invalid} />
        <SelectionTools doc={design.doc} selected={selected} disabled={invalid} />
      </div>
      {invalid && (
        <p className="builder-hint" data-testid="builder-locked">
          The canvas is locked while the JSON has problems: fix them (or Undo the typing) to edit on
          the canvas again.
        </p>
      )}
      <div className="builder-status-row">
        <HistoryTools />
        <p
          className={notice?.tone === 'error' ? 'builder-notice builder-refused' : 'builder-notice'}
          data-testid="builder-notice"
          role="status"
        >
          {notice?.text ?? ''}
        </p>
      </div>
      <div className="builder-split">
        <DesignCanvas
          doc={design.doc}
          selected={selected}
          positions={positions}
          onSelect={select}
          onMove={moveNode}
        />
        <DesignJsonEditor design={design} />
      </div>
      <DesignActions design={design} />
    </div>
  );
}
