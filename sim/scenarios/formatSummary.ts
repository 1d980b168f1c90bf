import type { RunReport } from '../metrics/runReport';
import type { Scenario } from './schema/scenarioSchema';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const count = (n: number) => n.toLocaleString('en-US');
const rate = (n: number) => n.toFixed(n >= 100 ? 0 : 2);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
/** Seconds shown in ms below 1 s, so typical latencies read naturally. */
const ms = (s: number | null) =>
  s === null ? '-' : s < 1 ? `${(s * 1000).toFixed(1)}ms` : `${s.toFixed(2)}s`;

/** The human-readable summary the CLI prints without --json. */
export function formatSummary(report: RunReport, scenario: Scenario): string {
  const measured = report.simulatedSeconds - report.warmupSeconds;
  const head = [
    `${scenario.title ?? scenario.name}`,
    `scenario ${report.scenario}, seed ${report.seed}: ${count(report.simulatedSeconds)} simulated s` +
      (report.warmupSeconds > 0
        ? ` (first ${count(report.warmupSeconds)} s left out as warm-up)`
        : '') +
      `, ${count(report.events)} events in ${count(report.wallMs)} ms wall`,
  ];
  const stations = table(
    [
      'station',
      'servers',
      'arrivals',
      'done',
      'rejected',
      'timed out',
      'errors',
      'thru/s',
      'util',
      'queue',
      'mean',
      'p50',
      'p99',
      'p99.9',
    ],
    Object.entries(report.stations).map(([id, s]) => [
      id,
      String(s.servers),
      count(s.arrivals),
      count(s.completed),
      count(s.rejected),
      count(s.timedOut),
      count(s.errors),
      rate(s.throughput),
      pct(s.utilization),
      s.meanQueueLength.toFixed(2),
      ms(s.latency.mean),
      ms(s.latency.p50),
      ms(s.latency.p99),
      ms(s.latency.p999),
    ]),
  );
  const sources = table(
    [
      'source',
      'offered/s',
      'goodput/s',
      'ok',
      'timeouts',
      'rejected',
      'unavail',
      'errors',
      'retries',
      'mean',
      'p50',
      'p99',
    ],
    Object.entries(report.sources).map(([id, s]) => [
      id,
      rate(s.offered / measured),
      rate(s.goodput),
      s.offered > 0 ? pct(s.successes / s.offered) : '-',
      count(s.failures.timeout),
      count(s.failures.rejected),
      count(s.failures.unavailable),
      count(s.failures.error),
      count(s.retries),
      ms(s.latency.mean),
      ms(s.latency.p50),
      ms(s.latency.p99),
    ]),
  );
  const topicRows = Object.entries(report.topics).map(([id, t]) => [
    id,
    count(t.produced),
    count(t.consumed),
    count(t.deliveries),
    count(t.duplicates),
    count(t.redelivered),
    count(t.deadLettered),
    count(t.lag),
    count(t.maxLag),
  ]);
  const topics = table(
    [
      'topic',
      'produced',
      'consumed',
      'deliveries',
      'duplicates',
      'retried',
      'dead',
      'lag',
      'max lag',
    ],
    topicRows,
  );
  const topicPart =
    topicRows.length === 0
      ? ''
      : `\nTopics (duplicates: messages delivered again after a consumer crash)\n${topics}\n`;
  return `${head.join('\n')}\n\nStations (latency = time at the station, queue = mean waiting)\n${stations}\n\nClients (end-to-end, from the first attempt)\n${sources}\n${topicPart}${storesPart(report, measured)}${tiersPart(report)}`;
}

/** Caches and databases, when the scenario has them: hit ratios, reads and writes per second. */
function storesPart(report: RunReport, measured: number): string {
  const withLocal = Object.values(report.caches).some((c) => c.localHits > 0);
  const cacheRows = Object.entries(report.caches).map(([id, c]) => [
    id,
    c.hitRatio === null ? '-' : pct(c.hitRatio),
    count(c.keysHeld),
    rate(c.loads / measured),
    count(c.staleReads),
    ...(withLocal ? [rate(c.localHits / measured), count(c.localStaleReads)] : []),
  ]);
  const dbRows = Object.entries(report.databases).map(([id, d]) => [
    id,
    rate(d.reads / measured),
    rate(d.writes / measured),
    count(d.staleReads),
    ms(d.meanReplicationLag),
    ms(d.maxReplicationLag),
  ]);
  let out = '';
  if (cacheRows.length > 0) {
    const header = ['cache', 'hit ratio', 'keys held', 'loads/s', 'stale reads'];
    if (withLocal) header.push('local hits/s', 'local stale');
    out += `\nCaches\n${table(header, cacheRows)}\n`;
  }
  if (dbRows.length > 0) {
    const header = ['database', 'reads/s', 'writes/s', 'stale reads', 'mean lag', 'max lag'];
    out += `\nDatabases (reads include cache loads)\n${table(header, dbRows)}\n`;
  }
  return out;
}

/** The scenario's tiers, each beside its reference figure when it has one. */
function tiersPart(report: RunReport): string {
  const rows = Object.entries(report.tiers).map(([id, t]) => [
    t.title ?? id,
    String(t.stations),
    rate(t.throughput),
    t.peakThroughput === null ? '-' : rate(t.peakThroughput),
    t.reference === null ? '-' : rate(t.reference),
    t.ofReference === null ? '-' : pct(t.ofReference),
    t.referenceText ?? '',
  ]);
  if (rows.length === 0) return '';
  const header = ['tier', 'stations', 'per second', 'peak/s', 'reference', 'of ref', 'source'];
  return `\nTiers (completions per second, warm-up left out)\n${table(header, rows)}\n`;
}
