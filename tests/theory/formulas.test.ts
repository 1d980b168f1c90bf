import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangC,
  mm1,
  mmcMeanWait,
  pkMeanWait,
  relaxationTime,
  trafficEquations,
} from '../helpers/queueingTheory';
import { normalQuantile, studentTCdf, studentTQuantile, tInterval } from '../helpers/statistics';

/** The yardsticks themselves, against SEMANTICS.md section 7's check values and each other. */

/** Erlang C straight from its definition, for small c only (a^c/c! overflows past c ~ 170). */
function erlangCDirect(c: number, a: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a);
  return top / (sum + top);
}

describe('Erlang C', () => {
  it.each([
    [3, 2.5, 0.702],
    [4, 2.5, 0.32],
    [5, 2.5, 0.13],
    [6, 2.5, 0.047],
    [10, 6, 0.101],
  ])('C(%i, %f) = %f (SEMANTICS.md check values, to 3 decimals)', (c, a, expected) => {
    expect(erlangC(c, a)).toBeCloseTo(expected, 3);
  });

  it('agrees with the textbook formula to rounding', () => {
    for (const [c, a] of [
      [1, 0.5],
      [2, 1.8],
      [8, 7.2],
      [32, 28.8],
      [100, 97],
    ] as const) {
      expect(erlangC(c, a) / erlangCDirect(c, a) - 1, `C(${c}, ${a})`).toBeCloseTo(0, 12);
    }
  });

  it('is rho for one server: an M/M/1 arrival waits when the server is busy', () => {
    expect(erlangC(1, 0.8)).toBeCloseTo(0.8, 14);
  });

  it('stays finite and in (0, 1) for large pools, where a^c / c! overflows', () => {
    const c = erlangC(2000, 1990);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });

  it('refuses an unstable load', () => {
    expect(() => erlangC(4, 4)).toThrow(RangeError);
  });
});

describe('M/M/c mean wait and M/M/1', () => {
  it('M/M/8 at 7.2 Erlangs (the mm8 preset): Wq = 0.877 s', () => {
    expect(mmcMeanWait(7.2, 1, 8)).toBeCloseTo(0.877, 3);
  });

  it('M/M/c with one server is M/M/1', () => {
    expect(mmcMeanWait(0.8, 1, 1)).toBeCloseTo(mm1(0.8, 1).Wq, 12);
  });

  it('M/M/1 at rho 0.8, mu 1: W = 5, Wq = 4, L = 4, Lq = 3.2, and Little holds', () => {
    const f = mm1(0.8, 1);
    expect([f.rho, f.W, f.Wq, f.L, f.Lq].map((x) => Number(x.toFixed(12)))).toEqual([
      0.8, 5, 4, 4, 3.2,
    ]);
    expect(f.L).toBeCloseTo(0.8 * f.W, 12);
    expect(f.Lq).toBeCloseTo(0.8 * f.Wq, 12);
  });
});

describe('Pollaczek-Khinchine', () => {
  it('M/D/1 at rho 0.8, mu 1 waits 2.0 s, half the M/M/1 value of 4.0 s', () => {
    expect(pkMeanWait(0.8, 1, 0)).toBeCloseTo(2, 12);
    expect(mm1(0.8, 1).Wq).toBeCloseTo(4, 12);
  });

  it('with exponential service (variance = mean^2) it is M/M/1', () => {
    expect(pkMeanWait(0.5, 0.2, 0.04)).toBeCloseTo(mm1(0.5, 5).Wq, 12);
  });

  it("matches SEMANTICS.md's form rho tau (1 + sigma^2/tau^2) / (2 (1 - rho))", () => {
    const [lambda, tau, sigma2] = [3, 0.25, 0.1];
    const rho = lambda * tau;
    const semantics = (rho * tau * (1 + sigma2 / tau ** 2)) / (2 * (1 - rho));
    expect(pkMeanWait(lambda, tau, sigma2)).toBeCloseTo(semantics, 12);
  });
});

describe('Erlang B', () => {
  it('B(10, 8) = 0.1217 (the erlang-b preset)', () => {
    expect(erlangB(10, 8)).toBeCloseTo(0.1217, 4);
  });

  it('B(1, a) = a / (1 + a)', () => {
    expect(erlangB(1, 3)).toBeCloseTo(0.75, 14);
  });

  it('agrees with a^c/c! / sum a^k/k! for small c', () => {
    const [c, a] = [5, 3];
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= c; k++) {
      term *= a / k;
      sum += term;
    }
    expect(erlangB(c, a)).toBeCloseTo(term / sum, 14);
  });

  it('stays stable for a pool of 10,000 (no overflow), and decreases as servers are added', () => {
    const b = erlangB(10_000, 9_900);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(erlangB(9_990, 9_900));
  });
});

describe('traffic equations and relaxation time', () => {
  it('a station that sends a share p back to itself sees gamma / (1 - p)', () => {
    expect(trafficEquations([2], [[0.75]])[0]).toBeCloseTo(8, 12);
  });

  it('a tandem passes its rate on, thinned by the routing probability', () => {
    const lambda = trafficEquations(
      [5, 1],
      [
        [0, 0.4],
        [0, 0],
      ],
    );
    expect(lambda[0]).toBeCloseTo(5, 12);
    expect(lambda[1]).toBeCloseTo(3, 12);
  });

  it('the solution satisfies lambda = gamma + lambda P for a network with feedback', () => {
    const gamma = [3, 0, 1];
    const p = [
      [0, 0.6, 0.3],
      [0.2, 0, 0.5],
      [0.1, 0, 0],
    ];
    const lambda = trafficEquations(gamma, p);
    gamma.forEach((g, j) => {
      const inflow = g + lambda.reduce((sum, l, i) => sum + l * p[i]![j]!, 0);
      expect(lambda[j]).toBeCloseTo(inflow, 12);
    });
  });

  it('refuses routing that never lets requests leave', () => {
    expect(() =>
      trafficEquations(
        [1, 0],
        [
          [0, 1],
          [1, 0],
        ],
      ),
    ).toThrow(RangeError);
  });

  it('relaxation time of M/M/1 at rho 0.95, mu 1 is about 1,560 s', () => {
    expect(relaxationTime(0.95, 1)).toBeCloseTo(1560, -1);
  });
});

describe('Student t', () => {
  it.each([
    // Published two-sided critical values (any t table).
    [0.975, 1, 12.7062],
    [0.995, 1, 63.6567],
    [0.975, 2, 4.3027],
    [0.995, 9, 3.2498],
    [0.975, 9, 2.2622],
    [0.995, 30, 2.75],
  ])('quantile %f with %i degrees of freedom = %f', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 4);
  });

  it('tends to the normal quantile as the degrees of freedom grow', () => {
    expect(studentTQuantile(0.995, 100_000)).toBeCloseTo(normalQuantile(0.995), 4);
  });

  it('the CDF is symmetric and inverts the quantile', () => {
    for (const df of [1, 2, 5, 10]) {
      expect(studentTCdf(0, df)).toBeCloseTo(0.5, 14);
      expect(studentTCdf(-1.3, df) + studentTCdf(1.3, df)).toBeCloseTo(1, 14);
      expect(studentTCdf(studentTQuantile(0.9, df), df)).toBeCloseTo(0.9, 10);
    }
  });

  it('interval of 1..10 at 99%: mean 5.5, half-width t(0.995, 9) s / sqrt(10)', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    const ci = tInterval(values, 0.99);
    expect(ci.mean).toBe(5.5);
    // Sample variance of 1..10 is 55/6.
    expect(ci.halfWidth).toBeCloseTo((3.249836 * Math.sqrt(55 / 6)) / Math.sqrt(10), 5);
  });
});
