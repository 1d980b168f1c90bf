import type { ReadAfterWritePoint } from '../../sim/inspect/readAfterWrite';

/** One line of the read-after-write chart: whose reads, routed how, drawn how. */
export interface RawSeries {
  id: string;
  label: string;
  colour: string;
  /** Dash pattern: routing is told by the dash, whose reads by the colour and the marker. */
  dash: string;
  marker: 'circle' | 'square';
  share: (p: ReadAfterWritePoint) => number;
}

export const RAW_SERIES: readonly RawSeries[] = [
  {
    id: 'own-replicas',
    label: "writer's own read, from a replica",
    colour: '#0072B2',
    dash: '',
    marker: 'circle',
    share: (p) => p.own.replicas.share,
  },
  {
    id: 'own-ryw',
    label: "writer's own read, read-your-writes",
    colour: '#0072B2',
    dash: '5 3',
    marker: 'circle',
    share: (p) => p.own.readYourWrites.share,
  },
  {
    id: 'others-replicas',
    label: "other users' reads, from a replica",
    colour: '#D55E00',
    dash: '',
    marker: 'square',
    share: (p) => p.others.replicas.share,
  },
  {
    id: 'others-ryw',
    label: "other users' reads, read-your-writes",
    colour: '#D55E00',
    dash: '5 3',
    marker: 'square',
    share: (p) => p.others.readYourWrites.share,
  },
];

/** "12.5%" with one decimal below 10%, none above, so small shares stay visible. */
export const shareText = (share: number): string => {
  const percent = share * 100;
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;
};

/** A lag in the unit that reads best: "4 ms", "0.25 s". */
export const lagText = (seconds: number): string =>
  seconds < 0.1 ? `${Math.round(seconds * 10_000) / 10} ms` : `${Number(seconds.toPrecision(3))} s`;
