import type { BreakerSeries, ChartSeries, NamedValues } from '../store/chartSeries';
import type { SnapshotLayout } from '../store/layout';
import type { LinesFor, LineSpec } from './chartLines';
import { OKABE_ITO, seriesColour } from './palette';

/**
 * Lines of the components a scenario may have: replicated databases, circuit breakers and order
 * flows. Colours come after those of stations, sources, caches and topics, so no two subjects on
 * the page share one.
 */
const componentColour = (layout: SnapshotLayout, index: number) =>
  seriesColour(
    layout.stationIds.length +
      layout.sourceIds.length +
      layout.cacheIds.length +
      layout.topicIds.length +
      index,
  );

const DASHES = [null, '5 3', '1.5 3', '8 3 2 3', '2 2'] as const;

/** A replica in its station's colour, as in the station charts (a layout without it: its own). */
const replicaColour = (layout: SnapshotLayout, replica: string, fallback: number) => {
  const station = layout.stationIds.indexOf(replica);
  return station >= 0 ? seriesColour(station) : componentColour(layout, fallback);
};

/** Replica lines' dashes: none solid, so the database's mean (solid) stands out among them. */
const REPLICA_DASHES = ['5 3', '1.5 3', '8 3 2 3', '2 2', '10 4', '4 2 1 2 1 2'] as const;

/**
 * Per database, its mean over replicas (solid, in the database's colour), then one line per
 * replica named by its station id, in its station's colour and a dash of its own, so they differ
 * without colour too.
 */
export const replicationLagLines: LinesFor = (layout) => {
  const databases = layout.databaseIds ?? [];
  return databases.flatMap((id, k): LineSpec[] => {
    const replicas = layout.databaseReplicaIds?.[k] ?? [];
    const mean: LineSpec = {
      key: id,
      label: replicas.length > 0 ? `${id} mean` : id,
      colour: componentColour(layout, k),
      dash: null,
      values: (chart) => chart.databases[k]?.meanLag,
    };
    return [
      mean,
      ...replicas.map((replica, r): LineSpec => ({
        key: `${id}:${replica}`,
        label: databases.length > 1 ? `${id} ${replica}` : replica,
        colour: replicaColour(layout, replica, k + 1 + r),
        dash: REPLICA_DASHES[r % REPLICA_DASHES.length]!,
        values: (chart) => chart.databases[k]?.replicas[r]?.meanLag,
      })),
    ];
  });
};

export const staleReadLines: LinesFor = (layout) =>
  (layout.databaseIds ?? []).map((id, k) => ({
    key: id,
    label: id,
    colour: componentColour(layout, k),
    dash: DASHES[1],
    values: (chart) => chart.databases[k]?.staleReads,
  }));

/** Per breaker, in its colour: the share of each bucket OPEN (solid) and HALF_OPEN (dotted). */
export const breakerStateLines: LinesFor = (layout) => {
  const base = (layout.databaseIds ?? []).length;
  return (layout.breakerIds ?? []).flatMap((id, k): LineSpec[] => {
    const colour = componentColour(layout, base + k);
    return [
      {
        key: `${id}:open`,
        label: `${id} OPEN`,
        colour,
        dash: null,
        values: (chart: ChartSeries) => chart.breakers[k]?.open,
      },
      {
        key: `${id}:halfOpen`,
        label: `${id} HALF_OPEN`,
        colour,
        dash: DASHES[2],
        values: (chart: ChartSeries) => chart.breakers[k]?.halfOpen,
      },
    ];
  });
};

/** The y levels of the breaker state chart, least to most severe. */
export const BREAKER_LEVEL_NAMES = ['CLOSED', 'HALF_OPEN', 'OPEN'] as const;

/** Per bucket, the level (0 CLOSED, 1 HALF_OPEN, 2 OPEN) held longest; NaN for no time at all. */
export function dominantLevel(b: BreakerSeries): number[] {
  return b.closed.map((closed, i) => {
    const shares = [closed, b.halfOpen[i]!, b.open[i]!];
    const longest = Math.max(...shares);
    return longest > 0 ? shares.indexOf(longest) : NaN;
  });
}

/** Per breaker, in its colour (and its own dash): the state it held longest in each bucket. */
export const breakerLevelLines: LinesFor = (layout) => {
  const base = (layout.databaseIds ?? []).length;
  return (layout.breakerIds ?? []).map((id, k) => ({
    key: id,
    label: id,
    colour: componentColour(layout, base + k),
    dash: DASHES[k % DASHES.length]!,
    values: (chart: ChartSeries) => {
      const breaker = chart.breakers[k];
      return breaker && dominantLevel(breaker);
    },
  }));
};

/**
 * One line per named series of each order flow (`pick` chooses states or rates): the names come
 * from the worker, so a counter added to the order series shows up without a change here. Each
 * name gets its own colour and dash, so lines differ without colour too.
 */
const orderLines =
  (pick: 'states' | 'rates', names: (layout: SnapshotLayout) => string[]): LinesFor =>
  (layout) => {
    const flows = layout.orderIds ?? [];
    return flows.flatMap((flow, k) =>
      names(layout).map((name, n): LineSpec => ({
        key: `${flow}:${name}`,
        label: flows.length > 1 ? `${flow} ${name}` : name,
        colour: OKABE_ITO[n % OKABE_ITO.length]!,
        dash: DASHES[Math.floor(n / OKABE_ITO.length + k) % DASHES.length]!,
        values: (chart: ChartSeries) => valuesOf(chart.orders[k]?.[pick], name),
      })),
    );
  };

const valuesOf = (series: NamedValues[] | undefined, name: string) =>
  series?.find((s) => s.name === name)?.values;

const AREA = 'Area';
const stateNames = (layout: SnapshotLayout) =>
  (layout.orderSeriesFields ?? []).filter((f) => f.endsWith(AREA)).map((f) => f.slice(0, -4));
const rateNames = (layout: SnapshotLayout) =>
  (layout.orderSeriesFields ?? []).filter((f) => !f.endsWith(AREA));

/** Mean number of sagas in each running state. */
export const orderStateLines = orderLines('states', stateNames);
/** Orders created, completed, compensated (by the saga, by the scanner)... per second. */
export const orderRateLines = orderLines('rates', rateNames);
