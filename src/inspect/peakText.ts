import type { PeakRun, PeakSmoothingPoint } from '../../sim/inspect/peakSmoothing';
import { lagText, shareText } from './rawSeries';

/** "1.5×": a peak as a multiple of the consumers' capacity. */
export const levelText = (level: number): string => `${level}×`;

/** A whole count with thousands separators, the same in every locale: "14,042". */
export const countText = (n: number): string =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A drain time, or why there is none. */
export const drainText = (seconds: number | null): string =>
  seconds === null ? 'not drained by the end' : seconds === 0 ? 'none to drain' : `${seconds} s`;

/** A theoretical time to one decimal: "13.3 s". */
export const theorySecondsText = (seconds: number): string =>
  seconds === 0 ? 'none to drain' : `${seconds.toFixed(1)} s`;

/** The figures of one run, in the rows of the view's table. */
export interface PeakRow {
  id: string;
  label: string;
  queue: string;
  sync: string;
}

export function peakRows(p: PeakSmoothingPoint): PeakRow[] {
  const row = (id: string, label: string, text: (r: PeakRun) => string): PeakRow => ({
    id,
    label,
    queue: text(p.queue),
    sync: text(p.sync),
  });
  return [
    row('backlog', 'peak backlog (simulated)', (r) => countText(r.peakBacklog)),
    row('drain', 'drain time after the burst (simulated)', (r) => drainText(r.drainTime)),
    row('lost', 'orders lost or failed', (r) => countText(r.lost)),
    row(
      'timeouts',
      'timed out / refused',
      (r) => `${countText(r.failedTimeout)} / ${countText(r.failedRejected)}`,
    ),
    row('success', 'success ratio', (r) => shareText(r.successRatio)),
    row('p99', "users' p99 response", (r) => lagText(r.p99)),
    row('nobody', 'fulfilled after the user gave up', (r) =>
      countText(Math.max(0, r.handled - r.successes)),
    ),
  ];
}

/**
 * The fluid approximation as a curve of backlog against time: flat, rising at the excess rate
 * through the burst, falling at capacity minus base until empty (or until the run ends).
 */
export function fluidCurve(p: PeakSmoothingPoint): [number, number][] {
  const { peakBacklog, drainTime } = p.theory;
  if (peakBacklog === 0)
    return [
      [0, 0],
      [p.duration, 0],
    ];
  const empty = p.burstEnd + drainTime;
  const curve: [number, number][] = [
    [0, 0],
    [p.burstStart, 0],
    [p.burstEnd, peakBacklog],
  ];
  if (empty <= p.duration) curve.push([empty, 0], [p.duration, 0]);
  else curve.push([p.duration, peakBacklog * (1 - (p.duration - p.burstEnd) / drainTime)]);
  return curve;
}

/** One sentence on what the level shows, from its numbers. */
export function peakSummary(p: PeakSmoothingPoint): string {
  const peak = countText(p.level * p.capacity);
  if (p.level <= 1) {
    return `At ${peak} orders/s the consumers keep up: no backlog to speak of, with or without the queue.`;
  }
  const drain =
    p.queue.drainTime === null
      ? 'is still draining when the run ends'
      : `drains ${p.queue.drainTime} s after the burst`;
  return `At ${peak} orders/s the queue holds up to ${countText(p.queue.peakBacklog)} messages and ${drain}, losing none; without it ${shareText(1 - p.sync.successRatio)} of orders fail.`;
}
