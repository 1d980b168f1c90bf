import { beforeAll, describe, it } from 'vitest';
import type { RunReport } from '../../sim/metrics/runReport';
import type { DistributionSpec } from '../../sim/model/distributions/distributionSpec';
import { erlangB } from '../helpers/queueingTheory';
import { expectCovers, perRun, replicate, seedBlock, singleStation } from './replications';

/**
 * M/G/c/c (queueCapacity 0): c servers and no waiting room. Erlang B gives the share of arrivals
 * refused, and it is insensitive: it depends on the service-time distribution only through its
 * mean, so deterministic service must refuse as often as exponential. A loss system has no
 * heavy-traffic memory (it forgets its state within a service time or two), so 20,000 s runs
 * (160,000 arrivals) put the 99% half-width at 1-2% of theory.
 */
const c = 10;
const lambda = 8;
const meanService = 1;
const offered = lambda * meanService;
const blocked = erlangB(c, offered);
const until = 20_000;

/** Largest 99% half-width accepted, relative to theory (see replications.ts). */
const BLOCKING_PRECISION = 0.05;
const UTILISATION_PRECISION = 0.02;

const cases: { law: string; service: DistributionSpec; block: number }[] = [
  { law: 'M/M', service: { type: 'exponential', mean: meanService }, block: 31 },
  { law: 'M/D', service: { type: 'deterministic', value: meanService }, block: 32 },
];

for (const { law, service, block } of cases) {
  describe(`${law}/${c}/${c} with a = ${offered} Erlangs offered`, () => {
    let reports: RunReport[];

    beforeAll(() => {
      const loss = singleStation('loss', {
        lambda,
        servers: c,
        queueCapacity: 0,
        service,
        warmup: 100,
        until,
      });
      reports = replicate(loss, until, seedBlock(block));
    });

    it(`refuses the Erlang B share of arrivals: B(${c}, ${offered}) = ${blocked.toFixed(4)}`, () => {
      const refused = perRun(reports, 'station', (s) => s.rejected / s.arrivals);
      expectCovers(`${law} blocking`, refused, blocked, BLOCKING_PRECISION);
    });

    it('keeps each server busy for the carried load: utilisation = a (1 - B) / c', () => {
      const carried = (offered * (1 - blocked)) / c;
      const utilisation = perRun(reports, 'station', (s) => s.utilization);
      expectCovers(`${law} utilisation`, utilisation, carried, UTILISATION_PRECISION);
    });
  });
}
