import { Deterministic } from './deterministic';
import type { Distribution } from './distribution';
import type { DistributionSpec } from './distributionSpec';
import { Empirical } from './empirical';
import { Exponential } from './exponential';
import { Lognormal } from './lognormal';
import { Uniform } from './uniform';

/** Builds the sampler for a validated spec; the constructors re-check bounds as a last defence. */
export function createDistribution(spec: DistributionSpec): Distribution {
  switch (spec.type) {
    case 'exponential':
      return new Exponential(spec.mean);
    case 'deterministic':
      return new Deterministic(spec.value);
    case 'uniform':
      return new Uniform(spec.min, spec.max);
    case 'lognormal':
      return new Lognormal(spec.mean, spec.p99);
    case 'empirical':
      return new Empirical(spec.points);
    default:
      return unreachable(spec);
  }
}

function unreachable(spec: never): never {
  throw new Error(`unknown distribution type in ${JSON.stringify(spec)}`);
}
