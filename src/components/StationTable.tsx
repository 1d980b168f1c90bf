import { useEffect, useMemo } from 'react';
import {
  sinceStart,
  theoryText,
  theoryTitle,
  type TheoryStationRow,
} from '../compare/theoryColumn';
import { useStationTheory } from '../compare/useStationTheory';
import '../compare/theoryColumn.css';
import type { StationRow } from '../store/liveFigures';
import { formatCount, formatDuration, formatPercent } from '../store/format';
import type { AppState } from '../store/store';
import { useAppStore } from '../store/store';
import { LiveTable, type LiveColumn } from './LiveTable';

const COLUMNS: LiveColumn<StationRow>[] = [
  {
    key: 'arrivals',
    header: 'Arrivals',
    description: 'Requests that reached the station since t = 0',
    format: (r) => formatCount(r.arrivals),
  },
  {
    key: 'completed',
    header: 'Done',
    description: 'Requests served since t = 0',
    format: (r) => formatCount(r.completed),
  },
  {
    key: 'rejected',
    header: 'Rejected',
    description: 'Refused since t = 0: queue full or station down',
    format: (r) => formatCount(r.rejected),
  },
  {
    key: 'timedOut',
    header: 'Timed out',
    description: 'Client deadline passed while the request was here, since t = 0',
    format: (r) => formatCount(r.timedOut),
  },
  {
    key: 'utilisation',
    header: 'Utilisation',
    description:
      'Busy server-time over available server-time, recently (last second of frames, at most two chart buckets)',
    format: (r) => formatPercent(r.utilisation),
  },
  {
    key: 'queue',
    header: 'Queue',
    description: 'Requests waiting right now',
    format: (r) => formatCount(r.queue),
  },
  {
    key: 'meanLatency',
    header: 'Mean latency',
    description:
      'Mean time at the station (wait + service) of the requests completed in the last bucket',
    format: (r) => formatDuration(r.meanLatency),
  },
];

/**
 * The live rows plus each station's figures since t = 0, derived once per snapshot (the same
 * array until the figures change, so the table's subscription skips other store updates).
 */
function rowsSelector(): (s: AppState) => readonly TheoryStationRow[] {
  let figures: AppState['figures'] | null = null;
  let rows: TheoryStationRow[] = [];
  return (s) => {
    if (s.figures === figures) return rows;
    figures = s.figures;
    const since = sinceStart(s.run.layout, s.window[s.window.length - 1]);
    rows = s.figures.stations.map((row, i) => ({
      ...row,
      sinceStart: since[i] ?? { meanLatency: null, utilisation: null, refusedShare: null },
    }));
    return rows;
  };
}

export function StationTable() {
  const ids = useAppStore((s) => s.run.layout.stationIds);
  const theory = useStationTheory();
  const select = useMemo(rowsSelector, []);
  // The theory column only where some station is a textbook queue (the queueing lessons).
  const columns = useMemo<LiveColumn<TheoryStationRow>[]>(
    () =>
      Object.keys(theory).length === 0
        ? COLUMNS
        : [
            ...COLUMNS,
            {
              key: 'theory',
              header: 'Theory',
              description:
                'Queueing theory beside the simulation, where the station is a textbook queue: ' +
                'Erlang C (M/M/c), Pollaczek-Khinchine (M/D/1, M/G/1) or Erlang B (M/G/c/c); ' +
                'predicted, then simulated since t = 0 in brackets',
              format: (r) => theoryText(theory[r.id], r.sinceStart),
            },
          ],
    [theory],
  );
  // Each theory cell names its model and formula (the table fills in the text, not the title).
  useEffect(() => {
    for (const [id, t] of Object.entries(theory)) {
      const cell = document.querySelector(`[data-testid="stations-${CSS.escape(id)}-theory"]`);
      cell?.setAttribute('title', theoryTitle(t));
    }
  }, [theory, ids]);
  return (
    <LiveTable testId="stations" caption="Stations" ids={ids} columns={columns} select={select} />
  );
}
