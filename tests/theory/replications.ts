import { expect } from 'vitest';
import type { RunReport, StationReport } from '../../sim/metrics/runReport';
import { runScenario } from '../../sim/scenarios/runScenario';
import type { Scenario, ScenarioInput } from '../../sim/scenarios/schema/scenarioSchema';
import { scenario } from '../helpers/scenarioBuilder';
import { tInterval, type ConfidenceInterval } from '../helpers/statistics';

type StationInput = ScenarioInput['stations'][number];

/**
 * How the theory tests decide "the simulator agrees with the closed form".
 *
 * Each scenario runs R times on different seeds, the warm-up discarded, and every run gives one
 * estimate (its mean wait, its utilisation...). Runs on different seeds are independent and each
 * estimate averages many customers, so the R estimates are close to normal: the Student-t interval
 * of their mean, with R - 1 degrees of freedom, covers the true value with the stated confidence.
 * The test asserts the theoretical value lies inside.
 *
 * Why 99%: a correct simulator lands outside a 99% interval 1 time in 100 per check. The suite
 * makes 34 interval checks, about 20 of them on independent data (W, Wq, L and Lq of one M/M/1
 * run move together), so on an arbitrary set of seeds a correct simulator would fail at least one
 * with a chance of about 1 - 0.99^20 = 18%; at 95% it would be 64%, and wider intervals would
 * need longer runs for the same power. Seeds are fixed, so the outcome is deterministic: the rate
 * only matters when something changes the random streams (a new stream, another draw order), and
 * then a lone check just outside its interval calls for a second seed block, not a wider
 * tolerance. The seed blocks were assigned before the first run and never changed; the run
 * lengths were sized from pilot runs on other seeds so the half-width meets the bound below.
 *
 * Why also a precision bound: an interval passes trivially when it is huge. Each check states the
 * largest half-width it accepts, as a fraction of the theoretical value, so a test can only pass
 * by being both unbiased and precise. At 10% the wait checks would still catch, for example, an
 * M/D/1 simulated as M/M/1 (a factor of 2) or Erlang C off by one server.
 */
export const CONFIDENCE = 0.99;

/** Replications per case: 10 gives 9 degrees of freedom, t = 3.25 at 99%. */
export const REPLICATIONS = 10;

/**
 * The fixed seeds of block k: 10k + 1 ... 10k + 10. Each case uses its own block, so different
 * cases are independent (random streams are named after components, so two single-station
 * scenarios on the same seed would share their arrival times: common random numbers, welcome
 * when two cases are compared on purpose, as M/D/1 against M/M/1, but otherwise they would make
 * every case err in the same direction).
 */
export function seedBlock(k: number): number[] {
  return Array.from({ length: REPLICATIONS }, (_, i) => REPLICATIONS * k + i + 1);
}

/** One report per seed, each run to `until` simulated seconds (the scenario sets the warm-up). */
export function replicate(
  scenario: Scenario,
  until: number,
  seeds: readonly number[],
): RunReport[] {
  return seeds.map((seed) => runScenario(scenario, { seed, until }));
}

export interface SingleStationSpec {
  /** Poisson arrival rate, per second. */
  lambda: number;
  servers: number;
  service: StationInput['service'];
  /** Waiting room; omitted = unbounded, 0 = none (a loss system). */
  queueCapacity?: number;
  /** Seconds discarded at the start; a few relaxation times (see relaxationTime). */
  warmup: number;
  /** Simulated seconds per replication, warm-up included. */
  until: number;
}

/** The station is called "station" and its Poisson source "arrivals". */
export function singleStation(name: string, spec: SingleStationSpec): Scenario {
  return scenario(name)
    .lasting(spec.until, spec.warmup)
    .station({
      id: 'station',
      servers: spec.servers,
      service: spec.service,
      ...(spec.queueCapacity !== undefined && { queueCapacity: spec.queueCapacity }),
    })
    .poisson('arrivals', 'station', spec.lambda)
    .build();
}

/** The figure `pick` reads from one station of each report. */
export function perRun(
  reports: readonly RunReport[],
  station: string,
  pick: (s: StationReport) => number | null,
): number[] {
  return reports.map((r) => {
    const s = r.stations[station];
    if (s === undefined) throw new Error(`no station ${station} in the report`);
    const v = pick(s);
    if (v === null || !Number.isFinite(v)) throw new Error(`${station}: no data in a replication`);
    return v;
  });
}

/**
 * Asserts the 99% interval of `values` covers `theory` and its half-width is at most
 * `maxRelativeHalfWidth` times `theory`. Returns the interval, for reports and paired checks.
 */
export function expectCovers(
  label: string,
  values: readonly number[],
  theory: number,
  maxRelativeHalfWidth: number,
): ConfidenceInterval {
  const ci = tInterval(values, CONFIDENCE);
  const shown =
    `${label}: theory ${theory.toPrecision(5)}, simulated ${ci.mean.toPrecision(5)} ` +
    `+- ${ci.halfWidth.toPrecision(3)} (${CONFIDENCE * 100}% CI over ${ci.n} runs)`;
  if (process.env.THEORY_VERBOSE) console.log(shown);
  expect(ci.halfWidth, `${shown}: interval too wide to be a test`).toBeLessThanOrEqual(
    maxRelativeHalfWidth * Math.abs(theory),
  );
  expect(theory, `${shown}: theory outside the interval`).toBeGreaterThanOrEqual(ci.lo);
  expect(theory, `${shown}: theory outside the interval`).toBeLessThanOrEqual(ci.hi);
  return ci;
}
