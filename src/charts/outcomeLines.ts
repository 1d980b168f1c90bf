import type { ChartSeries, Outcomes, SourceSeries } from '../store/chartSeries';
import type { LinesFor, LineSpec } from './chartLines';

/**
 * Outcomes in fixed colours and dashes, the same whatever the source: success green and solid,
 * each failure reason its own colour and dash, so the lines differ without colour too.
 */
const OUTCOMES: {
  key: 'ok' | keyof Outcomes;
  label: string;
  colour: string;
  dash: string | null;
}[] = [
  { key: 'ok', label: 'ok', colour: '#009E73', dash: null },
  { key: 'timeout', label: 'timeout', colour: '#E69F00', dash: '5 3' },
  { key: 'rejected', label: 'rejected (queue full, shed)', colour: '#D55E00', dash: '1.5 3' },
  { key: 'unavailable', label: 'unavailable', colour: '#CC79A7', dash: '8 3 2 3' },
  { key: 'error', label: 'error', colour: '#0072B2', dash: '2 2' },
];

const outcomeOf = (s: SourceSeries, key: (typeof OUTCOMES)[number]['key']) =>
  key === 'ok' ? s.goodput : s.failures[key];

/** Element-wise sum; NaN where any is NaN (a bucket nobody can speak for). */
function sum(arrays: readonly (readonly number[])[]): number[] {
  const n = arrays[0]?.length ?? 0;
  return Array.from({ length: n }, (_, i) => arrays.reduce((acc, a) => acc + (a[i] ?? NaN), 0));
}

/** Per second, by final outcome: one source's, or (`source` null) all sources' together. */
export const outcomeLines =
  (source: string | null): LinesFor =>
  (layout) => {
    const k = source === null ? -1 : layout.sourceIds.indexOf(source);
    return OUTCOMES.map(({ key, label, colour, dash }): LineSpec => ({
      key: `${source ?? '*'}:${key}`,
      label,
      colour,
      dash,
      values: (chart: ChartSeries) =>
        k >= 0
          ? chart.sources[k] && outcomeOf(chart.sources[k], key)
          : sum(chart.sources.map((s) => outcomeOf(s, key))),
    }));
  };
