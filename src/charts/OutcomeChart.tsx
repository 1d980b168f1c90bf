import { useMemo, useState } from 'react';
import { useAppStore } from '../store/store';
import { outcomeLines } from './outcomeLines';
import { TimeSeriesChart } from './TimeSeriesChart';

const ALL = '';

/** Goodput and failures by reason over time, for all sources together or one at a time. */
export function OutcomeChart() {
  const sourceIds = useAppStore((s) => s.run.layout.sourceIds);
  const [chosen, setChosen] = useState(ALL);
  const source = sourceIds.includes(chosen) ? chosen : ALL;
  const lines = useMemo(() => outcomeLines(source === ALL ? null : source), [source]);
  const who = source === ALL ? 'all sources' : source;
  return (
    <div className="outcome-chart">
      <div className="control outcome-source">
        <label htmlFor="outcome-source">Outcomes of</label>
        <select
          id="outcome-source"
          data-testid="outcome-source"
          value={source}
          onChange={(e) => setChosen(e.currentTarget.value)}
        >
          <option value={ALL}>all sources</option>
          {sourceIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </div>
      <TimeSeriesChart
        id="outcomes"
        title={`Goodput by outcome, ${who} (requests/s)`}
        lines={lines}
        fileName={source === ALL ? 'outcomes' : `outcomes-${source}`}
      />
    </div>
  );
}
