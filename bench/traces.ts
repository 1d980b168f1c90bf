import { presetScenario } from '../sim/scenarios/runScenario';
import { Simulation } from '../sim/scenarios/simulation';
import { TraceRecorder } from '../sim/trace/traceRecorder';
import { median, timed } from './measure';

/**
 * What per-request tracing costs: the lunch-peak preset for TRACES_SECONDS simulated seconds
 * (default 2) without and with a trace recorder, alternating, TRACES_RUNS times each (default
 * 3), by median CPU time. Prints one JSON line; `ratio` is traced / untraced.
 *
 *   npx tsx bench/traces.ts
 */
const seconds = Number(process.env.TRACES_SECONDS ?? 2);
const runs = Number(process.env.TRACES_RUNS ?? 3);
const { scenario } = presetScenario('lunch-peak');
const short = { ...scenario, duration: seconds, warmup: Math.min(scenario.warmup, seconds / 4) };

function once(traced: boolean): { cpuSeconds: number; events: number; traces: number } {
  const sim = new Simulation(short);
  const recorder = traced ? TraceRecorder.attachedTo(sim) : undefined;
  const { cpuSeconds } = timed(() => sim.runToEnd(undefined, 1));
  return { cpuSeconds, events: sim.kernel.events, traces: recorder?.store.all().length ?? 0 };
}

once(false); // JIT warm-up, untimed
const plain: number[] = [];
const traced: number[] = [];
let traces = 0;
let events = 0;
for (let i = 0; i < runs; i++) {
  const a = once(false);
  const b = once(true);
  plain.push(a.cpuSeconds);
  traced.push(b.cpuSeconds);
  traces = b.traces;
  events = a.events;
}
const ratio = median(traced) / median(plain);
console.log(
  JSON.stringify({
    name: 'traces',
    simulatedSeconds: seconds,
    events,
    tracesKept: traces,
    untracedCpuSeconds: plain,
    tracedCpuSeconds: traced,
    ratio: Math.round(ratio * 1000) / 1000,
  }),
);
