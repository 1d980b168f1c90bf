import { Kernel } from '../sim/kernel/kernel';
import { RandomStreams } from '../sim/kernel/rng';
import { timed, type BenchCase } from './measure';

/**
 * The classic "hold" model for future-event lists (Jones 1986): `pending` events, and every pop
 * schedules one replacement at now + Exp(1), so the queue size stays constant. It measures the
 * kernel alone: push, pop and the dispatch of the handler, with no model work.
 */
export function holdCase(pending: number, pops = 5_000_000, seed = 1): BenchCase {
  return {
    name: `hold-${pending}`,
    run() {
      const kernel = new Kernel();
      const rng = new RandomStreams(seed).stream('bench:hold');
      const hold = (): void => {
        kernel.schedule(-Math.log(rng.nextOpenClosed()), hold);
      };
      for (let i = 0; i < pending; i++) kernel.schedule(-Math.log(rng.nextOpenClosed()), hold);
      let executed = 0;
      const time = timed(() => {
        executed = kernel.runUntil(Infinity, pops);
      });
      if (kernel.pending !== pending) throw new Error(`queue size drifted to ${kernel.pending}`);
      return { events: executed, ...time, extras: { pending, simulatedSeconds: kernel.now } };
    },
  };
}
