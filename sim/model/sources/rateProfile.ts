/**
 * A piecewise-linear arrival rate over simulated time: [[t0, r0], [t1, r1], ...] with t strictly
 * increasing. Before the first point the rate is r0, after the last it stays at the last rate,
 * unless `period` is set, in which case the profile repeats (a daily profile with period 86,400).
 */
export class RateProfile {
  private readonly times: Float64Array;
  private readonly rates: Float64Array;
  readonly max: number;
  readonly isConstant: boolean;
  private cursor = 0;

  constructor(
    points: readonly (readonly [number, number])[],
    private readonly period?: number,
  ) {
    if (points.length === 0) throw new RangeError('a rate profile needs at least one point');
    this.times = Float64Array.from(points, (p) => p[0]);
    this.rates = Float64Array.from(points, (p) => p[1]);
    this.max = Math.max(...this.rates);
    this.isConstant = this.rates.every((r) => r === this.rates[0]);
  }

  static constant(rate: number): RateProfile {
    return new RateProfile([[0, rate]]);
  }

  /** Rate at time t. Calls with non-decreasing t are O(1) amortised (a moving cursor). */
  rateAt(t: number): number {
    const times = this.times;
    const rates = this.rates;
    const n = times.length;
    if (this.period !== undefined) t = ((t % this.period) + this.period) % this.period;
    if (t <= times[0]!) return rates[0]!;
    if (t >= times[n - 1]!) return rates[n - 1]!;
    let i = this.cursor;
    if (i >= n - 1 || times[i]! > t) i = 0;
    while (times[i + 1]! <= t) i++;
    this.cursor = i;
    const t0 = times[i]!;
    const t1 = times[i + 1]!;
    return rates[i]! + ((rates[i + 1]! - rates[i]!) * (t - t0)) / (t1 - t0);
  }
}
