import { describe, expect, it } from 'vitest';
import {
  DIRECT_SUM_LIMIT,
  generalizedHarmonic,
  harmonicDirect,
  harmonicEulerMaclaurin,
} from '../../../../sim/model/distributions/harmonic';

const EULER_GAMMA = 0.5772156649015329;

describe('generalized harmonic numbers', () => {
  it.each([0, 0.5, 0.99, 1, 1.1, 2, 4])(
    'Euler-Maclaurin agrees with the direct sum to 1e-14 at n = 200,000, s = %s',
    (s) => {
      const direct = harmonicDirect(200_000, s);
      expect(Math.abs(harmonicEulerMaclaurin(200_000, s) / direct - 1)).toBeLessThan(1e-14);
    },
  );

  // Asymptotics whose next terms are below 1e-17 at n = 1e9.
  it('matches H(n, 0) = n, H(n, 1) ~ ln n + gamma + 1/2n and H(n, 2) ~ pi^2/6 - 1/n', () => {
    expect(generalizedHarmonic(1e9, 0)).toBeCloseTo(1e9, 3);
    expect(generalizedHarmonic(1e9, 1)).toBeCloseTo(Math.log(1e9) + EULER_GAMMA + 0.5e-9, 12);
    expect(generalizedHarmonic(1e9, 2)).toBeCloseTo(Math.PI ** 2 / 6 - 1e-9, 14);
  });

  it('is continuous across the switch from direct sum to Euler-Maclaurin', () => {
    const below = generalizedHarmonic(DIRECT_SUM_LIMIT, 1.1);
    const above = generalizedHarmonic(DIRECT_SUM_LIMIT + 1, 1.1);
    expect((above - below) / (DIRECT_SUM_LIMIT + 1) ** -1.1).toBeCloseTo(1, 6);
  });

  it('sums small n directly', () => {
    expect(generalizedHarmonic(4, 1)).toBeCloseTo(1 + 1 / 2 + 1 / 3 + 1 / 4, 15);
    expect(harmonicEulerMaclaurin(4, 2)).toBeCloseTo(1 + 1 / 4 + 1 / 9 + 1 / 16, 15);
  });
});
