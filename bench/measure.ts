/**
 * Shared timing for the benchmark cases: one untimed warm-up run (so the JIT has optimised the
 * hot path), then `runs` timed runs, reported by their median because the machine is shared and
 * a single run can be slowed by a neighbour.
 */

/** What one run of a case reports: the events it counts and anything worth printing. */
export interface RunResult {
  events: number;
  /** Wall seconds of the timed part. */
  seconds: number;
  /** CPU seconds of the timed part: less disturbed than wall time when the machine is shared. */
  cpuSeconds: number;
  extras?: Record<string, number>;
}

/** One JSON line per case; a script parses these, so keep the field names stable. */
export interface CaseResult {
  name: string;
  eventsPerSecond: number;
  runs: number[];
  [extra: string]: unknown;
}

export interface BenchCase {
  name: string;
  /** Runs the case once, timing only the part that should count. */
  run(): RunResult;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Wall and CPU seconds taken by `work`. */
export function timed(work: () => void): { seconds: number; cpuSeconds: number } {
  const cpuStarted = process.cpuUsage();
  const started = process.hrtime.bigint();
  work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

export function measure(bench: BenchCase, runs = 5): CaseResult {
  if (runs < 3) throw new RangeError('a median needs at least 3 runs');
  bench.run(); // warm-up, not counted
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i++) {
    const result = bench.run();
    results.push(result);
    const rate = Math.round(result.events / result.seconds);
    process.stderr.write(
      `${bench.name}: run ${i + 1}/${runs} ${rate.toLocaleString('en')} events/s\n`,
    );
  }
  const rates = results.map((r) => Math.round(r.events / r.seconds));
  const medianRate = median(rates);
  // Extras come from the run at the middle of the rate order: with an odd count, the median run.
  const order = rates.map((_, i) => i).sort((a, b) => rates[a]! - rates[b]!);
  const representative = results[order[order.length >> 1]!]!;
  return {
    name: bench.name,
    eventsPerSecond: Math.round(medianRate),
    runs: rates,
    events: representative.events,
    medianSeconds: round(median(results.map((r) => r.seconds)), 4),
    cpuEventsPerSecond: Math.round(median(results.map((r) => r.events / r.cpuSeconds))),
    ...representative.extras,
  };
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
