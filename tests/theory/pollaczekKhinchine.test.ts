import { beforeAll, describe, expect, it } from 'vitest';
import { createDistribution } from '../../sim/model/distributions/createDistribution';
import type { DistributionSpec } from '../../sim/model/distributions/distributionSpec';
import { mm1, pkMeanWait, relaxationTime } from '../helpers/queueingTheory';
import { expectCovers, perRun, replicate, seedBlock, singleStation } from './replications';

/**
 * M/G/1 mean wait against Pollaczek-Khinchine, Wq = lambda E[S^2] / (2 (1 - rho)): the wait
 * depends on the service time's variance, not only its mean. Each case also checks that its
 * interval excludes the M/M/1 value, i.e. that it would notice a simulator that ignored the shape
 * of the service distribution.
 */

/** Largest 99% half-width accepted, relative to theory (see replications.ts). */
const WAIT_PRECISION = 0.1;

function meanWaits(
  name: string,
  lambda: number,
  service: DistributionSpec,
  until: number,
  seeds: number[],
): number[] {
  const meanS = createDistribution(service).mean;
  // M/M/1's relaxation time: a guide for the warm-up, not exact for other service laws.
  const warmup = Math.ceil(10 * relaxationTime(lambda * meanS, 1 / meanS));
  const scenario = singleStation(name, { lambda, servers: 1, service, warmup, until });
  return perRun(replicate(scenario, until, seeds), 'station', (s) => s.wait.mean);
}

describe('M/D/1 (deterministic service) at rho 0.8, mu = 1', () => {
  // Random streams are named after components, so on each seed both queues see the same arrival
  // times: the comparison is paired, one ratio of waits per seed and a t interval of the ratios.
  const seeds = seedBlock(21);
  const until = 100_000;
  let md1: number[];
  let mm1Waits: number[];

  beforeAll(() => {
    md1 = meanWaits('md1', 0.8, { type: 'deterministic', value: 1 }, until, seeds);
    mm1Waits = meanWaits('mm1', 0.8, { type: 'exponential', mean: 1 }, until, seeds);
  });

  it('mean wait matches Pollaczek-Khinchine: Wq = 2.0 s', () => {
    const theory = pkMeanWait(0.8, 1, 0);
    const ci = expectCovers('M/D/1 Wq', md1, theory, WAIT_PRECISION);
    expect(mm1(0.8, 1).Wq, 'M/M/1 value inside the M/D/1 interval').toBeGreaterThan(ci.hi);
  });

  it('waits half as long as M/M/1 at the same load (no service-time variance)', () => {
    const ratios = md1.map((w, i) => w / mm1Waits[i]!);
    expectCovers('Wq(M/D/1) / Wq(M/M/1)', ratios, 0.5, WAIT_PRECISION);
  });
});

describe('M/G/1 with lognormal service (mean 1 s, p99 7 s) at rho 0.7', () => {
  const service: DistributionSpec = { type: 'lognormal', mean: 1, p99: 7 };
  // The distribution's exact variance (squared coefficient of variation 2.30), not a sample's.
  const variance = createDistribution(service).variance;

  it('mean wait matches Pollaczek-Khinchine with the exact service-time variance', () => {
    // The lognormal's heavy tail makes waits noisier than M/M/1's: 300,000 s per run (pilot
    // runs: 2-5% standard error per run).
    const waits = meanWaits('mg1-lognormal', 0.7, service, 300_000, seedBlock(22));
    const theory = pkMeanWait(0.7, 1, variance);
    const ci = expectCovers('M/G/1 lognormal Wq', waits, theory, WAIT_PRECISION);
    expect(mm1(0.7, 1).Wq, 'M/M/1 value inside the M/G/1 interval').toBeLessThan(ci.lo);
  });
});
