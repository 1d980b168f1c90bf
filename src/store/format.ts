/** Number formats for tables, axes and the clock; "–" stands for "no value yet". */

export const NO_VALUE = '–';

const countFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatCount(x: number | null): string {
  return x === null || !Number.isFinite(x) ? NO_VALUE : countFormat.format(x);
}

export function formatRate(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return NO_VALUE;
  return x >= 100 ? countFormat.format(x) : x.toFixed(x >= 10 ? 1 : 2);
}

export function formatPercent(share: number | null): string {
  return share === null || !Number.isFinite(share) ? NO_VALUE : `${(share * 100).toFixed(1)}%`;
}

/** Seconds with a unit that keeps three significant-ish digits: 0.0021 s -> "2.1 ms". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return NO_VALUE;
  if (seconds < 1e-3) return `${(seconds * 1e6).toFixed(0)} µs`;
  if (seconds < 1) return `${(seconds * 1e3).toFixed(seconds < 0.01 ? 2 : 1)} ms`;
  return `${seconds.toFixed(seconds < 10 ? 3 : 2)} s`;
}

/** Simulated clock: "h:mm:ss.mmm" (hours only when needed). */
export function formatClock(seconds: number): string {
  // Whole milliseconds first, so 59.9996 s reads 01:00.000 and never 00:60.000.
  const ms = Math.round(Math.max(0, seconds) * 1000);
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const sec = ((ms % 60_000) / 1000).toFixed(3).padStart(6, '0');
  const mm = String(minutes).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${sec}` : `${mm}:${sec}`;
}

export function reportFileName(scenario: string, seed: number): string {
  return `${scenario}-seed${seed}.json`;
}

/** Other downloads of a run: `timeouts-seed1-latency.svg`, `timeouts-seed1-series.csv`. */
export function exportFileName(scenario: string, seed: number, what: string, ext: string): string {
  return `${scenario}-seed${seed}-${what}.${ext}`;
}

/** Seconds on an axis, in the unit that keeps them short: 0.25 -> "250 ms". */
export function formatSecondsTick(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs === 0) return '0';
  if (abs < 1e-3) return `${Number((seconds * 1e6).toPrecision(3))} µs`;
  if (abs < 1) return `${Number((seconds * 1e3).toPrecision(3))} ms`;
  return `${Number(seconds.toPrecision(3))} s`;
}

/** Time-axis ticks: clock-style for long runs, plain seconds for short ones. */
export function formatAxisTime(t: number, duration: number): string {
  if (duration >= 7200) {
    const minutes = Math.round(t / 60);
    return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  }
  if (duration >= 600) {
    const seconds = Math.round(t);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }
  return `${Number(t.toPrecision(6))} s`;
}

const TIME_STEPS = [
  0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900,
  1800, 3600, 7200, 10800, 21600, 43200, 86400,
];

/** Tick positions on a clock's steps (15 min, 30 min, 1 h...) rather than d3's decimal ones. */
export function timeTicks(duration: number, maxTicks: number): number[] {
  if (!(duration > 0) || maxTicks < 1) return [0];
  const step = TIME_STEPS.find((s) => duration / s <= maxTicks) ?? duration / maxTicks;
  const ticks: number[] = [];
  for (let i = 0; i * step <= duration + 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Axis numbers: plain up to thousands, then k/M; never "800m" for 0.8. */
export function formatTick(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e6) return `${Number((v / 1e6).toPrecision(3))}M`;
  if (abs >= 1e4) return `${Number((v / 1e3).toPrecision(3))}k`;
  return String(Number(v.toPrecision(3)));
}
