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
  return `${head.join('\n')}\n\nStations (latency = time at the station, queue = mean waiting)\n${stations}\n\nClients (end-to-end, from the first attempt)\n${sources}\n`;
}
