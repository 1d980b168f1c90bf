import type { ChartSeries } from '../store/chartSeries';
import type { LinesFor, LineSpec } from './chartLines';

/** Busy threads solid, queued requests dashed, pool size dotted: they differ without colour. */
const POOL = [
  { key: 'busy', label: 'busy threads', colour: '#0072B2', dash: null },
  { key: 'queueLength', label: 'queued requests', colour: '#D55E00', dash: '5 3' },
  { key: 'poolSize', label: 'pool size', colour: '#555555', dash: '1.5 3' },
] as const;

/** One station's thread pool over time: time-averaged busy threads and queue against its size. */
export const poolLines =
  (station: string): LinesFor =>
  (layout) => {
    const s = layout.stationIds.indexOf(station);
    return POOL.map(({ key, label, colour, dash }): LineSpec => ({
      key: `${station}:${key}`,
      label,
      colour,
      dash,
      values: (chart: ChartSeries) => chart.stations[s]?.[key],
    }));
  };
