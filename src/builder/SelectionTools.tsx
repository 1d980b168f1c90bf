import { useState } from 'react';
import { useBuilderStore } from './builderStore';
import { CountField, countOf } from './CountField';
import { ConnectForm } from './ConnectForm';
import { KIND_LABEL, type ComponentRef, type DesignDoc } from './designDoc';
import { addReplica } from './operations/addReplica';
import { addSource, MAX_SOURCE_RATE } from './operations/addSource';
import { removeComponent } from './operations/removeComponent';
import { removeReplica } from './operations/removeReplica';

/** What can be done to the component selected on the canvas. */
export function SelectionTools({
  doc,
  selected,
  disabled,
}: {
  doc: DesignDoc;
  selected: ComponentRef | null;
  disabled: boolean;
}) {
  const apply = useBuilderStore((s) => s.apply);
  const [rate, setRate] = useState('100');
  if (!selected) {
    return (
      <fieldset className="builder-tools" disabled={disabled}>
        <legend>Selected</legend>
        <p className="builder-hint">
          Select a box on the canvas (click, or Tab to it and press Enter).
        </p>
      </fieldset>
    );
  }
  const name = `${KIND_LABEL[selected.kind]} "${selected.id}"`;
  return (
    <fieldset className="builder-tools" disabled={disabled}>
      <legend data-testid="builder-selected">Selected: {name}</legend>
      <div className="builder-row">
        <button
          type="button"
          data-testid="builder-remove"
          onClick={() => apply(removeComponent(doc, selected), `Removed ${name}.`)}
        >
          Remove
        </button>
        {selected.kind === 'database' && (
          <>
            <button
              type="button"
              data-testid="builder-add-replica"
              onClick={() => apply(addReplica(doc, selected.id), `Added a replica to ${name}.`)}
            >
              Add replica
            </button>
            <button
              type="button"
              data-testid="builder-remove-replica"
              onClick={() =>
                apply(removeReplica(doc, selected.id), `Removed the last replica of ${name}.`)
              }
            >
              Remove replica
            </button>
          </>
        )}
      </div>
      {selected.kind === 'station' && (
        <div className="builder-row">
          <button
            type="button"
            data-testid="builder-add-source"
            onClick={() =>
              apply(
                addSource(doc, selected.id, countOf(rate)),
                `Added a source sending requests to ${name}.`,
              )
            }
          >
            Add a source here
          </button>
          <CountField
            label="requests/s"
            testId="builder-source-rate"
            value={rate}
            min={1}
            max={MAX_SOURCE_RATE}
            onChange={setRate}
          />
        </div>
      )}
      {selected.kind === 'station' && (
        <ConnectForm key={selected.id} doc={doc} from={selected.id} />
      )}
    </fieldset>
  );
}
