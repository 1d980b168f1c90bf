import { presetScenario } from '../../../sim/scenarios/runScenario';
import type { Scenario } from '../../../sim/scenarios/schema/scenarioSchema';
import { Simulation } from '../../../sim/scenarios/simulation';
import {
  DEFAULT_TRACE_OPTIONS,
  TraceRecorder,
  type TraceOptions,
} from '../../../sim/trace/traceRecorder';

/** A preset cut to `seconds` of simulated time (warm-up shortened to fit). */
export function shortPreset(name: string, seconds: number): Scenario {
  const { scenario } = presetScenario(name);
  const duration = Math.min(scenario.duration, seconds);
  return { ...scenario, duration, warmup: Math.min(scenario.warmup, duration / 2) };
}

/** `scenario` with every order flow creating orders `creation`ly (the presets say async or sync). */
export function withCreation(scenario: Scenario, creation?: 'sync' | 'async'): Scenario {
  if (creation === undefined) return scenario;
  return { ...scenario, orders: scenario.orders.map((flow) => ({ ...flow, creation })) };
}

/** Runs `scenario` to its end with a recorder attached from t = 0. */
export function runTraced(scenario: Scenario, options: Partial<TraceOptions> = {}) {
  const sim = new Simulation(scenario);
  const recorder = TraceRecorder.attachedTo(sim, { ...DEFAULT_TRACE_OPTIONS, ...options });
  sim.runToEnd();
  return { sim, recorder };
}
