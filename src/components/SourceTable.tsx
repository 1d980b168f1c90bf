import type { SourceRow } from '../store/liveFigures';
import { formatCount, formatPercent, formatRate } from '../store/format';
import type { AppState } from '../store/store';
import { useAppStore } from '../store/store';
import { LiveTable, type LiveColumn } from './LiveTable';

const COLUMNS: LiveColumn<SourceRow>[] = [
  {
    key: 'offeredRate',
    header: 'Offered/s',
    description: 'New requests per second over the recent window (retries not counted)',
    format: (r) => formatRate(r.offeredRate),
  },
  {
    key: 'goodputRate',
    header: 'Goodput/s',
    description: 'Successful requests per second over the recent window',
    format: (r) => formatRate(r.goodputRate),
  },
  {
    key: 'successShare',
    header: 'Success',
    description: 'Successes over finished requests since t = 0',
    format: (r) => formatPercent(r.successShare),
  },
  {
    key: 'retries',
    header: 'Retries',
    description: 'Attempts beyond the first since t = 0',
    format: (r) => formatCount(r.retries),
  },
];

const selectRows = (s: AppState) => s.figures.sources;

export function SourceTable() {
  const ids = useAppStore((s) => s.run.layout.sourceIds);
  return (
    <LiveTable
      testId="sources"
      caption="Sources (the clients' view)"
      ids={ids}
      columns={COLUMNS}
      select={selectRows}
    />
  );
}
