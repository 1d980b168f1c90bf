import type { Scenario } from './schema/scenarioSchema';
import { createDistribution } from '../model/distributions/createDistribution';

/**
 * Offered load per station from the traffic equations of an open network, lambda_i = external_i +
 * sum_j lambda_j p_ji, solved by fixed-point iteration (route probabilities add to at most 1, so
 * it converges when the network lets requests leave). Open sources count at their peak rate; a
 * closed loop cannot overload anything without limit, so it adds nothing here.
 */
export function offeredRates(scenario: Scenario): number[] {
  const index = new Map(scenario.stations.map((s, i) => [s.id, i]));
  const external = scenario.stations.map(() => 0);
  for (const source of scenario.sources) {
    if (source.kind !== 'poisson') continue;
    const base = source.rate ?? Math.max(...(source.profile?.points.map((p) => p[1]) ?? [0]));
    const peak = base + source.bursts.reduce((sum, b) => sum + b.rate, 0);
    const centres = scenario.multiActive?.id === source.target ? scenario.multiActive.centres : [];
    if (centres.length > 0) {
      for (const centre of centres) external[index.get(centre.entry)!]! += peak / centres.length;
    } else {
      external[index.get(source.target)!]! += peak;
    }
  }
  let rates = [...external];
  for (let iteration = 0; iteration < 10_000; iteration++) {
    const next = [...external];
    scenario.stations.forEach((station, i) => {
      for (const route of station.routes) next[index.get(route.to)!]! += rates[i]! * route.p;
    });
    const change = next.reduce((m, r, i) => Math.max(m, Math.abs(r - rates[i]!)), 0);
    rates = next;
    if (change <= 1e-12 * Math.max(1, ...rates)) break;
  }
  return rates;
}

/** Warnings for stations whose unbounded queues would grow for the whole run. */
export function stabilityWarnings(scenario: Scenario): string[] {
  const rates = offeredRates(scenario);
  const warnings: string[] = [];
  scenario.stations.forEach((station, i) => {
    // A station with endpoints holds its threads for work plus calls whose length depends on
    // other stations: no closed form, so no warning (the in-flight limit still guards the run).
    if (station.service === undefined) return;
    const meanService = createDistribution(station.service).mean;
    const rho = (rates[i]! * meanService) / station.servers;
    if (rho >= 1 && station.queueCapacity === undefined && Number.isFinite(rho)) {
      const excess = rates[i]! - station.servers / meanService;
      const growth = Math.round(excess * scenario.duration);
      warnings.push(
        `stations[${i}] (${station.id}): offered utilisation ${rho.toFixed(2)} >= 1 with an ` +
          `unbounded queue: the queue grows without limit (about ${growth} waiting by the end ` +
          'at peak rate); set queueCapacity, add servers or lower the load',
      );
    }
  });
  return warnings;
}
