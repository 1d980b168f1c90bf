import type { Simulation } from '../scenarios/simulation';

/**
 * Runs `sim` to its end one event at a time, calling `watch` after each, so an experiment can read
 * a level (a queue, a lag) at every instant it changes: its true maximum, not a sampled one. How a
 * run is sliced never changes its results (Simulation.runUntil), so the numbers are the run's own.
 */
export function runWatching(sim: Simulation, watch: () => void): void {
  watch();
  while (sim.kernel.runUntil(sim.duration, 1) > 0) watch();
  // Sets the clock to the end and closes the last series bucket.
  sim.runUntil(sim.duration);
}
