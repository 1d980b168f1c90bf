import { buildRunReport } from '../metrics/runReport';
import {
  LATENCY_PERCENTILE_FIELDS,
  SOURCE_SERIES_FIELDS,
  STATION_SERIES_FIELDS,
} from '../metrics/seriesSubjects';
import type { Simulation } from '../scenarios/simulation';
import { reportColumns, seriesCsv, type SeriesSections } from './seriesCsv';

/** Six significant digits, as the report's series; no value is null (an empty CSV cell). */
const figure = (x: number): number | null => (Number.isFinite(x) ? Number(x.toPrecision(6)) : null);

/**
 * The run's time series as CSV: the report's series (the same numbers as the CLI's --json) plus
 * the per-bucket latency percentiles of stations and sources, which the report leaves out.
 */
export function runSeriesCsv(sim: Simulation): string {
  const series = buildRunReport(sim, 0, []).series;
  const rec = sim.series;
  const percentiles = (subject: number, counters: number) =>
    Object.fromEntries(
      LATENCY_PERCENTILE_FIELDS.map((name, k) => [
        name,
        Array.from(rec.data[subject]![counters + k]!.subarray(0, rec.buckets), figure),
      ]),
    );
  const sections: SeriesSections = {
    ...series,
    stations: Object.fromEntries(
      sim.stations.map((s, i) => [
        s.id,
        { ...series.stations[s.id], ...percentiles(i, STATION_SERIES_FIELDS.length) },
      ]),
    ),
    sources: Object.fromEntries(
      sim.sources.map((s, k) => [
        s.id,
        {
          ...series.sources[s.id],
          ...percentiles(sim.stations.length + k, SOURCE_SERIES_FIELDS.length),
        },
      ]),
    ),
  };
  return seriesCsv(series.t, reportColumns(sections));
}
