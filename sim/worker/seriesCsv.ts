/** Columns keyed by `<section>.<id>.<field>`, e.g. `stations.api.throughput`, each aligned with t. */
export type SeriesColumns = Map<string, readonly (number | null)[]>;

type Fields = Record<string, readonly (number | null)[]>;
/** Sections every report has, then those only a scenario with such components has. */
const SECTIONS = ['stations', 'sources', 'caches', 'topics'] as const;
const OPTIONAL_SECTIONS = ['orders', 'databases', 'breakers', 'replicaLag'] as const;

/** The shape of the report's series (SeriesReport), values possibly missing. */
export type SeriesSections = Record<(typeof SECTIONS)[number], Record<string, Fields>> &
  Partial<Record<(typeof OPTIONAL_SECTIONS)[number], Record<string, Fields>>>;

/**
 * Series as columns, in the report's order: stations, sources, caches, topics, then order flows,
 * databases, breakers and each replica's lag (`replicaLag.<database>.<replica>`) when the run has
 * them.
 */
export function reportColumns(series: SeriesSections): SeriesColumns {
  const columns: SeriesColumns = new Map();
  for (const section of [...SECTIONS, ...OPTIONAL_SECTIONS]) {
    for (const [id, fields] of Object.entries(series[section] ?? {})) {
      for (const [field, values] of Object.entries(fields)) {
        columns.set(`${section}.${id}.${field}`, values);
      }
    }
  }
  return columns;
}

/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Time series as CSV: a header row (`t`, then one column per subject and field), then one row per
 * bucket with its start time. A figure with no value (no request completed in the bucket) is an
 * empty cell, as spreadsheets expect. Lines end in CRLF, as RFC 4180 says.
 */
export function seriesCsv(t: readonly number[], columns: SeriesColumns): string {
  const names = [...columns.keys()];
  const lines = [['t', ...names].map(csvCell).join(',')];
  t.forEach((start, i) => {
    const row = [csvCell(start)];
    for (const name of names) row.push(csvCell(columns.get(name)![i]));
    lines.push(row.join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
