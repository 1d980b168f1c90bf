import { beforeAll, describe, it } from 'vitest';
import type { RunReport } from '../../sim/metrics/runReport';
import { mm1, relaxationTime } from '../helpers/queueingTheory';
import { expectCovers, perRun, replicate, seedBlock, singleStation } from './replications';

/**
 * M/M/1 with mu = 1: every figure the report gives against its closed form. The relaxation time
 * is 11.7 s at rho 0.5 and 90 s at rho 0.8; warm-ups are 10 of them, and the run lengths, sized
 * from pilot runs, put the 99% half-width of the mean wait at 2-3% of theory, against the 10%
 * the checks accept.
 */
const cases = [
  { rho: 0.5, until: 100_000, seeds: seedBlock(1) },
  { rho: 0.8, until: 200_000, seeds: seedBlock(2) },
];

/** Largest 99% half-width accepted, relative to theory (see replications.ts). */
const WAIT_PRECISION = 0.1;
/** Utilisation is a time average over every second of the run: far tighter. */
const UTILISATION_PRECISION = 0.02;

describe.each(cases)('M/M/1 at rho $rho (mu = 1)', ({ rho, until, seeds }) => {
  const mu = 1;
  const lambda = rho * mu;
  const theory = mm1(lambda, mu);
  let reports: RunReport[];
  const figure = (pick: Parameters<typeof perRun>[2]) => perRun(reports, 'station', pick);

  beforeAll(() => {
    const warmup = Math.ceil(10 * relaxationTime(rho, mu));
    const scenario = singleStation(`mm1-${rho}`, {
      lambda,
      servers: 1,
      service: { type: 'exponential', mean: 1 / mu },
      warmup,
      until,
    });
    reports = replicate(scenario, until, seeds);
  });

  it(`mean time in system W = 1/(mu - lambda) = ${theory.W.toFixed(3)} s`, () => {
    expectCovers(
      'W',
      figure((s) => s.latency.mean),
      theory.W,
      WAIT_PRECISION,
    );
  });

  it(`mean wait in queue Wq = rho/(mu - lambda) = ${theory.Wq.toFixed(3)} s`, () => {
    expectCovers(
      'Wq',
      figure((s) => s.wait.mean),
      theory.Wq,
      WAIT_PRECISION,
    );
  });

  it(`time-averaged number in system L = rho/(1 - rho) = ${theory.L.toFixed(3)}`, () => {
    expectCovers(
      'L',
      figure((s) => s.meanInSystem),
      theory.L,
      WAIT_PRECISION,
    );
  });

  it(`time-averaged number waiting Lq = rho^2/(1 - rho) = ${theory.Lq.toFixed(3)}`, () => {
    expectCovers(
      'Lq',
      figure((s) => s.meanQueueLength),
      theory.Lq,
      WAIT_PRECISION,
    );
  });

  it(`server utilisation equals rho = ${rho}`, () => {
    expectCovers(
      'utilisation',
      figure((s) => s.utilization),
      rho,
      UTILISATION_PRECISION,
    );
  });

  it('time in system is exponential with rate mu - lambda: p50 = ln 2 / (mu - lambda), p95 = ln 20 / (mu - lambda)', () => {
    // Percentiles come from a histogram whose buckets are under 0.8% wide (midpoint error
    // <= 0.4%): a bias well inside the intervals, which are several percent wide.
    expectCovers(
      'p50',
      figure((s) => s.latency.p50),
      Math.LN2 * theory.W,
      WAIT_PRECISION,
    );
    expectCovers(
      'p95',
      figure((s) => s.latency.p95),
      Math.log(20) * theory.W,
      WAIT_PRECISION,
    );
  });
});
