import { useMemo, useState } from 'react';
import { useAppStore } from '../store/store';
import { poolLines } from './poolLines';
import { TimeSeriesChart } from './TimeSeriesChart';

/** One station's thread pool at a time: busy threads and queued requests against its size. */
export function PoolChart() {
  const stationIds = useAppStore((s) => s.run.layout.stationIds);
  const [chosen, setChosen] = useState('');
  const station = stationIds.includes(chosen) ? chosen : (stationIds[0] ?? '');
  const lines = useMemo(() => poolLines(station), [station]);
  return (
    <div className="pool-chart">
      <div className="control chart-subject">
        <label htmlFor="pool-station">Thread pool of</label>
        <select
          id="pool-station"
          data-testid="pool-station"
          value={station}
          onChange={(e) => setChosen(e.currentTarget.value)}
        >
          {stationIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </div>
      <TimeSeriesChart
        id="thread-pool"
        title={`Thread pool of ${station}: busy threads, queued requests, pool size (time averages)`}
        lines={lines}
        fileName={`thread-pool-${station}`}
      />
    </div>
  );
}
