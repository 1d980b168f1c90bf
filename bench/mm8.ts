import mm8 from '../sim/scenarios/presets/mm8.json';
import { checked } from '../sim/scenarios/runScenario';
import { Simulation } from '../sim/scenarios/simulation';
import { round, timed, type BenchCase } from './measure';

/**
 * The whole simulator on the mm8 preset (M/M/8 at utilisation 0.9, rate 7.2/s), metrics on: the
 * same Simulation, histograms and series the CLI uses. A customer is two model events (arrival
 * and departure); the kernel also runs series-boundary events, reported separately.
 */
export function mm8Case(customers = 1_000_000, seed = 1): BenchCase {
  const rate = mm8.sources[0]!.rate;
  const { scenario } = checked({ ...mm8, duration: customers / rate, warmup: 0, seed });
  return {
    name: 'mm8',
    run() {
      const sim = new Simulation(scenario);
      const time = timed(() => sim.runToEnd());
      const source = sim.sources[0]!;
      const station = sim.stations[0]!;
      const arrivals = source.offered;
      const kernelEvents = sim.kernel.events;
      return {
        events: 2 * arrivals,
        ...time,
        extras: {
          customers: arrivals,
          completed: station.completed,
          kernelEvents,
          kernelEventsPerSecond: Math.round(kernelEvents / time.seconds),
          utilisation: round(station.busyAreaAt(sim.now) / station.capacityAreaAt(sim.now), 4),
          meanWait: round(station.wait.mean, 4),
        },
      };
    },
  };
}
