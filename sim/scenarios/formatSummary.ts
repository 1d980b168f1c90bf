import type {
  ComparedSourceFigure,
  ComparedStationFigure,
  ComparisonReport,
  FigureComparison,
  RunIdentity,
} from '../metrics/compare';
import type {
  Estimate,
  ReplicationReport,
  SourceFigure,
  StationFigure,
} from '../metrics/replications';
import type { RunReport, StationReport } from '../metrics/runReport';
import type { StationTheory } from '../metrics/theory';
import type { Scenario } from './schema/scenarioSchema';
import { formatGoals } from '../lessons/formatGoals';

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
  return `${head.join('\n')}\n\nStations (latency = time at the station, queue = mean waiting)\n${stations}\n\nClients (end-to-end, from the first attempt)\n${sources}\n${topicPart}${storesPart(report, measured)}${ordersPart(report)}${tiersPart(report)}${formatGoals(report.lesson)}`;
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

/** Order flows, when the scenario has them: how the sagas ended and what each practice did. */
function ordersPart(report: RunReport): string {
  const rows = Object.entries(report.orders ?? {}).map(([id, o]) => [
    id,
    count(o.created),
    count(o.completed),
    count(o.compensated),
    count(o.needsManualHandling),
    count(o.inFlight),
    count(o.stuckAtEnd),
    count(o.replaysServed),
    count(o.conflicts),
    count(o.mismatches),
    count(o.compensationsByScanner),
    count(o.notifyRedeliveries),
    count(o.duplicatesSuppressed),
    count(o.paymentsCaptured),
    count(o.paymentsRefunded),
    count(o.doubleCaptures),
  ]);
  if (rows.length === 0) return '';
  const header = [
    'orders',
    'created',
    'completed',
    'compensated',
    'manual',
    'in flight',
    'stuck',
    'replays',
    '409s',
    '400s',
    'by scanner',
    'notify retries',
    'dups suppressed',
    'captured',
    'refunded',
    'double',
  ];
  return `\nOrders (sagas over the whole run; stuck = waiting on a lost reply; dups suppressed = deliveries an idempotent consumer recognised; double = charged twice)\n${table(header, rows)}\n`;
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

/** Like table(), with the first `left` columns left-aligned (labels) and the rest right. */
function labelledTable(header: string[], rows: string[][], left: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** How a figure reads: its kind picks the unit (ms or s, %) and the digits. */
type FigureKind = 'count' | 'rate' | 'share' | 'seconds' | 'number';

const pct2 = (n: number) => `${(n * 100).toFixed(2)}%`;

function plain(kind: FigureKind, x: number | null): string {
  if (x === null) return '-';
  if (kind === 'count') return count(x);
  if (kind === 'rate') return rate(x);
  if (kind === 'share') return pct(x);
  if (kind === 'seconds') return ms(x);
  return x.toFixed(3);
}

const signed = (x: number, f: (n: number) => string) =>
  x === 0 ? '0' : `${x > 0 ? '+' : '-'}${f(Math.abs(x))}`;

/** A relative difference as a signed percentage; '-' when there is none (a zero baseline). */
const change = (r: number | null) => (r === null ? '-' : signed(r, pct));

/** One unit for simulated and theory alike, picked by the typical value, so the two line up. */
function theoryCell(kind: FigureKind, typical: number): (x: number | null) => string {
  if (kind === 'share') return (x) => (x === null ? '-' : pct2(x));
  if (kind !== 'seconds') return (x) => plain(kind, x);
  return typical < 1
    ? (x) => (x === null ? '-' : `${(x * 1000).toFixed(1)}ms`)
    : (x) => (x === null ? '-' : `${x.toFixed(2)}s`);
}

/** The figures of the theory table, each with its simulated and closed-form value. */
const THEORY_ROWS: {
  label: string;
  kind: FigureKind;
  sim: (s: StationReport) => number | null;
  theory: keyof StationTheory;
  lossOnly?: boolean;
  queueOnly?: boolean;
}[] = [
  { label: 'W (mean time there)', kind: 'seconds', sim: (s) => s.latency.mean, theory: 'W' },
  {
    label: 'Wq (mean wait)',
    kind: 'seconds',
    sim: (s) => s.wait.mean,
    theory: 'Wq',
    queueOnly: true,
  },
  { label: 'L (mean number there)', kind: 'number', sim: (s) => s.meanInSystem, theory: 'L' },
  { label: 'utilisation', kind: 'share', sim: (s) => s.utilization, theory: 'utilization' },
  {
    label: 'refused (Erlang B)',
    kind: 'share',
    sim: (s) => (s.arrivals > 0 ? s.rejected / s.arrivals : null),
    theory: 'blocking',
    lossOnly: true,
  },
];

/**
 * Simulated beside theory for each station with a closed form (see sim/metrics/theory.ts), or ''
 * when none has one.
 */
export function formatTheory(report: RunReport, theory: Record<string, StationTheory>): string {
  const rows: string[][] = [];
  for (const [id, t] of Object.entries(theory)) {
    const s = report.stations[id];
    if (s === undefined) continue;
    const loss = t.model === 'M/G/c/c';
    for (const row of THEORY_ROWS) {
      if ((row.lossOnly && !loss) || (row.queueOnly && loss)) continue;
      const simulated = row.sim(s);
      const expected = t[row.theory] as number | null;
      const show = theoryCell(row.kind, Math.abs(expected ?? simulated ?? 0));
      rows.push([
        id,
        t.label,
        row.label,
        show(simulated),
        expected === null ? 'unstable' : show(expected),
        simulated === null || expected === null || expected === 0
          ? '-'
          : change((simulated - expected) / expected),
      ]);
    }
  }
  if (rows.length === 0) return '';
  const header = ['station', 'model', 'figure', 'simulated', 'theory', 'off by'];
  return `Theory (steady state; one run scatters around it, --replications gives intervals)\n${labelledTable(header, rows, 3)}`;
}

/** formatSummary with the theory table under the stations' table, when a station has one. */
export function formatSummaryWithTheory(
  report: RunReport,
  scenario: Scenario,
  theory: Record<string, StationTheory>,
): string {
  const summary = formatSummary(report, scenario);
  const part = formatTheory(report, theory);
  const at = summary.indexOf('\n\nClients (end-to-end');
  if (part === '' || at < 0) return summary;
  return `${summary.slice(0, at)}\n\n${part}${summary.slice(at)}`;
}

const REPLICATED_STATION: Record<StationFigure, { label: string; kind: FigureKind }> = {
  throughput: { label: 'thru/s', kind: 'rate' },
  utilization: { label: 'util', kind: 'share' },
  meanLatency: { label: 'mean latency', kind: 'seconds' },
  meanWait: { label: 'mean wait', kind: 'seconds' },
  p99Latency: { label: 'p99 latency', kind: 'seconds' },
  meanInSystem: { label: 'in system (L)', kind: 'number' },
  refusedShare: { label: 'refused', kind: 'share' },
};

const REPLICATED_SOURCE: Record<SourceFigure, { label: string; kind: FigureKind }> = {
  offeredRate: { label: 'offered/s', kind: 'rate' },
  goodput: { label: 'goodput/s', kind: 'rate' },
  successShare: { label: 'ok', kind: 'share' },
  meanLatency: { label: 'mean latency', kind: 'seconds' },
  p99Latency: { label: 'p99 latency', kind: 'seconds' },
};

/** Decimals that show a half-width to two significant digits (at most 6). */
function decimalsFor(spread: number): number {
  let d = 0;
  for (let s = spread; d < 6 && s > 0 && s < 10; s *= 10) d++;
  return d;
}

/** Scale and suffix: shares in %, seconds in ms when the typical value is under a second. */
function unitOf(kind: FigureKind, typical: number): [scale: number, suffix: string] {
  if (kind === 'share') return [100, '%'];
  if (kind === 'seconds') return typical < 1 ? [1000, 'ms'] : [1, 's'];
  return [1, ''];
}

/** mean, ±half-width and theory in one unit, to the digits the interval supports. */
function intervalCells(kind: FigureKind, e: Estimate): string[] {
  const [scale, suffix] = unitOf(kind, Math.abs(e.mean ?? 0));
  const digits = e.halfWidth === null || e.halfWidth === 0 ? 3 : decimalsFor(e.halfWidth * scale);
  const show = (x: number | null | undefined) =>
    x === null || x === undefined ? '-' : `${(x * scale).toFixed(digits)}${suffix}`;
  const covered =
    e.theory === undefined || e.theory === null || e.mean === null || e.halfWidth === null
      ? ''
      : Math.abs(e.mean - e.theory) <= e.halfWidth
        ? 'yes'
        : 'no';
  return [
    show(e.mean),
    e.halfWidth === null ? '-' : `±${show(e.halfWidth)}`,
    e.theory === undefined ? '' : show(e.theory),
    covered,
  ];
}

function replicationRows<F extends string>(
  subjects: Record<string, Record<F, Estimate>>,
  labels: Record<F, { label: string; kind: FigureKind }>,
): string[][] {
  const rows: string[][] = [];
  for (const [id, figures] of Object.entries(subjects) as [string, Record<F, Estimate>][]) {
    for (const name of Object.keys(labels) as F[]) {
      const e = figures[name];
      // A figure that is 0 in every run and in theory (waits of a loss system, refusals of an
      // unbounded queue) says nothing the rest of the table does not.
      if (e.mean === 0 && e.halfWidth === 0 && !e.theory) continue;
      rows.push([id, labels[name].label, ...intervalCells(labels[name].kind, e)]);
    }
  }
  return rows;
}

/** The CLI's text for --replications: every key figure as mean ± 95% half-width, beside theory. */
export function formatReplications(rep: ReplicationReport, scenario: Scenario): string {
  const head = [
    `${scenario.title ?? scenario.name}`,
    `scenario ${rep.scenario}: ${rep.replications} replications on seeds ${rep.seeds.first} to ${rep.seeds.last}, ` +
      `${count(rep.simulatedSeconds)} simulated s each` +
      (rep.warmupSeconds > 0 ? ` (first ${count(rep.warmupSeconds)} s left out as warm-up)` : '') +
      `, ${count(rep.wallMs)} ms wall`,
    `mean over the runs ± the half-width of its 95% confidence interval (Student t, ${rep.replications - 1} df); ` +
      `"in CI": the closed form lies inside (a correct model misses about 1 time in 20)`,
  ];
  const header = (what: string) => [what, 'figure', 'mean', '±95%', 'theory', 'in CI'];
  const stations = labelledTable(
    header('station'),
    replicationRows(rep.stations, REPLICATED_STATION),
    2,
  );
  const sources = labelledTable(
    header('source'),
    replicationRows(rep.sources, REPLICATED_SOURCE),
    2,
  );
  return `${head.join('\n')}\n\nStations\n${stations}\n\nClients (end-to-end)\n${sources}\n`;
}

const COMPARED_STATION: Record<ComparedStationFigure, { label: string; kind: FigureKind }> = {
  arrivals: { label: 'arrivals', kind: 'count' },
  completed: { label: 'done', kind: 'count' },
  rejected: { label: 'rejected', kind: 'count' },
  timedOut: { label: 'timed out', kind: 'count' },
  errors: { label: 'errors', kind: 'count' },
  throughput: { label: 'thru/s', kind: 'rate' },
  utilization: { label: 'util', kind: 'share' },
  meanQueueLength: { label: 'queue', kind: 'number' },
  meanLatency: { label: 'mean latency', kind: 'seconds' },
  p99Latency: { label: 'p99 latency', kind: 'seconds' },
};

const COMPARED_SOURCE: Record<ComparedSourceFigure, { label: string; kind: FigureKind }> = {
  offered: { label: 'offered', kind: 'count' },
  attempts: { label: 'attempts', kind: 'count' },
  successes: { label: 'ok', kind: 'count' },
  failures: { label: 'failed', kind: 'count' },
  goodput: { label: 'goodput/s', kind: 'rate' },
  successShare: { label: 'ok share', kind: 'share' },
  meanLatency: { label: 'mean latency', kind: 'seconds' },
  p99Latency: { label: 'p99 latency', kind: 'seconds' },
};

function differenceText(kind: FigureKind, d: number | null): string {
  if (d === null) return '-';
  // A difference of two shares is in percentage points, not a percentage of anything.
  if (kind === 'share') return signed(d, (x) => `${(x * 100).toFixed(1)} pp`);
  return signed(d, (x) => plain(kind, x));
}

function comparisonRows<F extends string>(
  subjects: Record<string, Record<F, FigureComparison>>,
  labels: Record<F, { label: string; kind: FigureKind }>,
): string[][] {
  const rows: string[][] = [];
  for (const [id, figures] of Object.entries(subjects) as [string, Record<F, FigureComparison>][]) {
    for (const name of Object.keys(labels) as F[]) {
      const { label, kind } = labels[name];
      const f = figures[name];
      rows.push([
        id,
        label,
        plain(kind, f.a),
        plain(kind, f.b),
        differenceText(kind, f.difference),
        change(f.relative),
      ]);
    }
  }
  return rows;
}

/** The CLI's text for --compare: A and B side by side, B - A and the relative change. */
export function formatComparison(cmp: ComparisonReport, a: Scenario, b: Scenario): string {
  const run = (tag: string, s: Scenario, r: RunIdentity) =>
    `${tag}  ${s.title ?? s.name} (scenario ${r.scenario}): ${count(r.simulatedSeconds)} simulated s` +
    (r.warmupSeconds > 0 ? `, first ${count(r.warmupSeconds)} s left out` : '') +
    `, ${count(r.events)} events`;
  const head = [
    `A/B on seed ${cmp.seed} for both: common random numbers (a source or station with the same id draws the same random numbers in both runs)`,
    run('A', a, cmp.a),
    run('B', b, cmp.b),
  ];
  const header = (what: string) => [what, 'figure', 'A', 'B', 'B - A', 'change'];
  const stations = labelledTable(
    header('station'),
    comparisonRows(cmp.stations, COMPARED_STATION),
    2,
  );
  const sources = labelledTable(header('source'), comparisonRows(cmp.sources, COMPARED_SOURCE), 2);
  const only = (tag: string, o: { stations: string[]; sources: string[] }) =>
    [...o.stations.map((id) => `station ${id}`), ...o.sources.map((id) => `source ${id}`)]
      .map((what) => `only in ${tag}, not compared: ${what}\n`)
      .join('');
  return `${head.join('\n')}\n\nStations\n${stations}\n\nClients (end-to-end)\n${sources}\n${only('A', cmp.onlyInA)}${only('B', cmp.onlyInB)}`;
}
