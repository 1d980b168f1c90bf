import type { StationTheory } from '../../sim/metrics/theory';
import { formatDuration, formatPercent } from '../store/format';
import { fieldIndex, type SnapshotLayout } from '../store/layout';
import type { LiveSample, StationRow } from '../store/liveFigures';

/** A station's figures since t = 0: what a closed form (a long-run average) is compared with. */
export interface SinceStart {
  /** Mean time at the station of the requests completed so far, seconds. */
  meanLatency: number | null;
  utilisation: number | null;
  /** Refused over arrived. */
  refusedShare: number | null;
}

export type TheoryStationRow = StationRow & { sinceStart: SinceStart };

const ratio = (num: number, den: number) => (den > 0 && Number.isFinite(num) ? num / den : null);

/** Per station, the since-t = 0 figures of one snapshot sample (its counters are cumulative). */
export function sinceStart(layout: SnapshotLayout, sample: LiveSample | undefined): SinceStart[] {
  const fields = layout.stationFields;
  return layout.stationIds.map((_, i) => {
    const at = (name: string) => {
      const f = fieldIndex(fields, name);
      return sample === undefined || f < 0 ? NaN : sample.stations[i * fields.length + f]!;
    };
    return {
      meanLatency: ratio(at('latencySum'), at('completed')),
      utilisation: ratio(at('busyArea'), at('capacityArea')),
      refusedShare: ratio(at('rejected'), at('arrivals')),
    };
  });
}

/** The formula behind each model, named for the cell's tooltip (SEMANTICS.md section 7). */
const FORMULA: Record<StationTheory['model'], string> = {
  'M/M/c': 'Erlang C: Wq = C(c, a) / (c·mu − lambda), W = Wq + 1/mu',
  'M/D/1': 'Pollaczek-Khinchine: Wq = lambda·E[S²] / (2(1 − rho)), W = Wq + E[S]',
  'M/G/1': 'Pollaczek-Khinchine: Wq = lambda·E[S²] / (2(1 − rho)), W = Wq + E[S]',
  'M/G/c/c': 'Erlang B: B(c, a), the share refused, by B(k) = a·B(k−1) / (k + a·B(k−1))',
};

/** The tooltip of a theory cell: the model, the formula and the predicted figures. */
export function theoryTitle(t: StationTheory): string {
  const predicted = t.stable
    ? `predicts W = ${formatDuration(t.W)}, utilisation ${formatPercent(t.utilization)}` +
      (t.model === 'M/G/c/c' ? `, refused ${formatPercent(t.blocking)}` : '')
    : `offered ${t.offeredLoad.toPrecision(3)} Erlangs on ${t.servers} servers: no steady state`;
  return `${t.label} (${FORMULA[t.model]}) ${predicted}; the simulated value is since t = 0`;
}

/**
 * The cell: the figure a textbook queue is known by, predicted, and the simulation's since t = 0.
 * A loss system by its refused share (Erlang B), the others by their mean time in system W.
 */
export function theoryText(t: StationTheory | undefined, sim: SinceStart): string {
  if (t === undefined) return '–';
  if (!t.stable) return `${t.label}: unstable`;
  if (t.model === 'M/G/c/c') {
    return `${t.label} refused ${formatPercent(t.blocking)} (sim ${formatPercent(sim.refusedShare)})`;
  }
  return `${t.label} W ${formatDuration(t.W)} (sim ${formatDuration(sim.meanLatency)})`;
}
