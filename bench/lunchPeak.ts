import { presetScenario } from '../sim/scenarios/runScenario';
import { Simulation } from '../sim/scenarios/simulation';
import { median, round } from './measure';

/**
 * Lesson 11 (the lunch-peak preset) at the article's full scale, as one long run measured in
 * chunks of simulated time: a run of minutes cannot be repeated five times like the short cases,
 * and chunks give both the speed (median over chunks, the first one left out as JIT warm-up)
 * and the memory over time (heap after each chunk, after a collection when --expose-gc is on).
 *
 * LUNCH_PEAK_SECONDS sets the simulated length (default 60; the memory check is 600).
 */
export interface LunchPeakResult {
  name: string;
  simSecondsPerWallSecond: number;
  eventsPerSecond: number;
  simulatedSeconds: number;
  chunkSeconds: number;
  /** Speed of each chunk, simulated seconds per wall second. */
  chunks: number[];
  setupSeconds: number;
  events: number;
  /** Heap used after each chunk, MB. */
  heapMB: number[];
  rssMB: number[];
  offeredPerSecond: number;
}

export function runLunchPeak(seconds: number, chunkSeconds = 10): LunchPeakResult {
  const { scenario } = presetScenario('lunch-peak');
  const duration = Math.max(seconds, chunkSeconds);
  const setupStarted = process.hrtime.bigint();
  const sim = new Simulation({
    ...scenario,
    duration,
    warmup: Math.min(scenario.warmup, duration / 4),
  });
  const setupSeconds = Number(process.hrtime.bigint() - setupStarted) / 1e9;
  const gc = (globalThis as { gc?: () => void }).gc;
  const speeds: number[] = [];
  const rates: number[] = [];
  const heapMB: number[] = [];
  const rssMB: number[] = [];
  for (let t = chunkSeconds; t <= duration + 1e-9; t += chunkSeconds) {
    const events = sim.kernel.events;
    const started = process.hrtime.bigint();
    sim.runUntil(t);
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    speeds.push(chunkSeconds / wall);
    rates.push((sim.kernel.events - events) / wall);
    gc?.();
    const memory = process.memoryUsage();
    heapMB.push(Math.round(memory.heapUsed / 2 ** 20));
    rssMB.push(Math.round(memory.rss / 2 ** 20));
    process.stderr.write(
      `lunch-peak: t=${t} s  ${speeds.at(-1)!.toFixed(3)} sim s/wall s  ` +
        `${Math.round(rates.at(-1)!).toLocaleString('en')} events/s  heap ${heapMB.at(-1)} MB\n`,
    );
  }
  // The first chunk pays for the JIT warming up; leave it out when there are others.
  const steady = (values: number[]) => (values.length > 1 ? values.slice(1) : values);
  const offered = sim.sources.reduce((sum, source) => sum + source.offered, 0);
  return {
    name: 'lunch-peak',
    simSecondsPerWallSecond: round(median(steady(speeds)), 3),
    eventsPerSecond: Math.round(median(steady(rates))),
    simulatedSeconds: duration,
    chunkSeconds,
    chunks: speeds.map((s) => round(s, 3)),
    setupSeconds: round(setupSeconds, 2),
    events: sim.kernel.events,
    heapMB,
    rssMB,
    offeredPerSecond: Math.round(offered / duration),
  };
}

/**
 * Lesson 11 in this process the way the page's worker runs it at "max", for comparison: set up,
 * run to `from` simulated seconds (the page starts timing there, once setup is behind it), then
 * run in 0.1 s steps for `wallSeconds` of wall time. Simulated seconds per wall second.
 */
export function lunchPeakSpeedFor(wallSeconds: number, from = 0.5): number {
  const { scenario } = presetScenario('lunch-peak');
  const sim = new Simulation(scenario);
  sim.runUntil(from);
  const started = process.hrtime.bigint();
  let wall = 0;
  while (wall < wallSeconds && sim.now < scenario.duration) {
    sim.runUntil(Math.min(scenario.duration, sim.now + 0.1));
    wall = Number(process.hrtime.bigint() - started) / 1e9;
  }
  return (sim.now - from) / wall;
}
