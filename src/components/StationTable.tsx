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

const selectRows = (s: AppState) => s.figures.stations;

export function StationTable() {
  const ids = useAppStore((s) => s.run.layout.stationIds);
  return (
    <LiveTable
      testId="stations"
      caption="Stations"
      ids={ids}
      columns={COLUMNS}
      select={selectRows}
    />
  );
}
