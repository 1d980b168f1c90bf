import { describe, expect, it } from 'vitest';
import { createDistribution } from '../../../../sim/model/distributions/createDistribution';
import {
  DistributionSpecSchema,
  type DistributionSpec,
} from '../../../../sim/model/distributions/distributionSpec';

/** The issues zod reports for an input, as "path: message" lines. */
function issues(input: unknown): string[] {
  const result = DistributionSpecSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('DistributionSpecSchema', () => {
  it('accepts one valid spec of each type and createDistribution builds it', () => {
    const specs: DistributionSpec[] = [
      { type: 'exponential', mean: 0.05 },
      { type: 'deterministic', value: 0.02 },
      { type: 'uniform', min: 0.01, max: 0.03 },
      { type: 'lognormal', mean: 0.05, p99: 0.25 },
      {
        type: 'empirical',
        points: [
          [0, 0],
          [0.02, 0.5],
          [0.1, 1],
        ],
      },
    ];
    const described = specs.map((spec) => {
      expect(issues(spec)).toEqual([]);
      return createDistribution(DistributionSpecSchema.parse(spec)).describe();
    });
    expect(described).toEqual([
      'exponential(mean=0.05)',
      'deterministic(value=0.02)',
      'uniform(min=0.01, max=0.03)',
      'lognormal(mean=0.05, p99=0.25)',
      'empirical(3 points, 0..0.1)',
    ]);
  });

  it('names the field and bound for a negative mean', () => {
    expect(issues({ type: 'exponential', mean: -1 })).toEqual(['mean: mean must be > 0']);
  });

  it('names p99 and the allowed ratio range when p99 < mean', () => {
    expect(issues({ type: 'lognormal', mean: 0.1, p99: 0.05 })).toEqual([
      'p99: p99/mean must be in (1, 14.97] (a lognormal cannot have a p99 outside it), got 0.5',
    ]);
  });

  it('names p99 and the allowed ratio range when p99/mean = 20', () => {
    expect(issues({ type: 'lognormal', mean: 1, p99: 20 })).toEqual([
      'p99: p99/mean must be in (1, 14.97] (a lognormal cannot have a p99 outside it), got 20',
    ]);
  });

  it('points at the last knot when an empirical CDF does not end at 1', () => {
    const points = [
      [0, 0],
      [1, 0.5],
      [2, 0.9],
    ];
    expect(issues({ type: 'empirical', points })).toEqual([
      'points.2.1: points must end at cumulative probability 1, got 0.9',
    ]);
  });

  it('reports a decreasing knot, a bad start, max < min and an unknown type', () => {
    const decreasing = [
      [0, 0],
      [2, 0.5],
      [1, 1],
    ];
    expect(issues({ type: 'empirical', points: decreasing })).toEqual([
      'points.2: points[2] must not decrease in value or cumulative probability',
    ]);
    const lateStart = [
      [0, 0.2],
      [1, 1],
    ];
    expect(issues({ type: 'empirical', points: lateStart })).toEqual([
      'points.0.1: points must start at cumulative probability 0, got 0.2',
    ]);
    expect(issues({ type: 'uniform', min: 3, max: 1 })).toEqual([
      'max: max must be >= min (3), got 1',
    ]);
    expect(issues({ type: 'weibull', mean: 1 })[0]).toMatch(/^type: /);
  });

  it('carries descriptions for generated docs and the editor', () => {
    expect(DistributionSpecSchema.description).toMatch(/simulated seconds/);
    const json = JSON.stringify(DistributionSpecSchema.toJSONSchema());
    expect(json).toContain('p99/mean must be in (1, 14.97]');
  });
});
