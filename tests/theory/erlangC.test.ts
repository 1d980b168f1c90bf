import { describe, it } from 'vitest';
import { erlangC, mmcMeanWait, relaxationTime } from '../helpers/queueingTheory';
import { expectCovers, perRun, replicate, seedBlock, singleStation } from './replications';

/**
 * M/M/c mean wait against Erlang C: Wq = C(c, a) / (c mu - lambda).
 *
 * Near saturation a queue forgets its past slowly: the relaxation time 1 / (c mu (1 - sqrt rho)^2)
 * is 156 s for the M/M/1 below (mu = 10) and 195 s for the M/M/8, both at rho 0.95. Warm-ups are
 * 10 relaxation times; runs 600 to 2,500 of them, which pilot runs showed puts the 99% half-width
 * of the mean wait at 3-5% of theory (a run's relative error is about sqrt(relaxation / length)).
 * The M/M/1 runs at mu = 10 because a run may not exceed a week of simulated time: scaling time
 * by 10 changes no dimensionless figure.
 */
const cases = [
  { c: 1, rho: 0.95, mu: 10, until: 100_000, seeds: seedBlock(11) },
  { c: 2, rho: 0.9, mu: 1, until: 200_000, seeds: seedBlock(12) },
  { c: 8, rho: 0.95, mu: 1, until: 150_000, seeds: seedBlock(13) },
  { c: 32, rho: 0.9, mu: 1, until: 30_000, seeds: seedBlock(14) },
];

/** Largest 99% half-width accepted, relative to theory (see replications.ts). */
const WAIT_PRECISION = 0.1;

describe('M/M/c mean wait matches Erlang C', () => {
  it.each(cases)(
    'M/M/$c at rho $rho: mean wait matches Erlang C',
    ({ c, rho, mu, until, seeds }) => {
      const lambda = rho * c * mu;
      const theory = mmcMeanWait(lambda, mu, c);
      const scenario = singleStation(`mm${c}`, {
        lambda,
        servers: c,
        service: { type: 'exponential', mean: 1 / mu },
        warmup: Math.ceil(10 * relaxationTime(rho, c * mu)),
        until,
      });
      const reports = replicate(scenario, until, seeds);
      const label = `M/M/${c} Wq (C = ${erlangC(c, lambda / mu).toFixed(4)})`;
      expectCovers(
        label,
        perRun(reports, 'station', (s) => s.wait.mean),
        theory,
        WAIT_PRECISION,
      );
    },
  );
});
