/**
 * Statistical yardsticks for sampler tests.
 *
 * Seeds are fixed, so every test below is deterministic: it always passes or always fails. The
 * thresholds therefore answer one question: could a correct sampler, on the seed we happened to
 * pick, land outside? At 4 standard errors the chance is about 6e-5 per check (normal tails), so a
 * failure means a bug, not bad luck; at 2 it would be 1 in 20, and a harmless change of seed or
 * sample order could turn the suite red. 4 is still tight: with N = 200,000 exponential samples it
 * catches a bias of 0.9% in the mean. The goodness-of-fit tests use alpha = 0.001 for the same
 * reason.
 */

/** Number of standard errors a sample statistic may stray from its exact value. */
export const SIGMAS = 4;

export function sampleMean(xs: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  return sum / xs.length;
}

/** Half-width of the 4-sigma band for a mean of n samples with the given exact variance. */
export function meanTolerance(variance: number, n: number): number {
  return SIGMAS * Math.sqrt(variance / n);
}

/**
 * Zero-based ranks [lo, hi] of the sorted sample that bracket the true p-quantile with ~4-sigma
 * confidence: the number of samples below the true quantile is Binomial(n, p), so its rank is
 * n p +- 4 sqrt(n p (1 - p)). Distribution-free: no density estimate needed.
 */
export function quantileRankInterval(n: number, p: number): [lo: number, hi: number] {
  const half = SIGMAS * Math.sqrt(n * p * (1 - p));
  return [Math.max(0, Math.floor(n * p - half)), Math.min(n - 1, Math.ceil(n * p + half))];
}

/**
 * Standard normal quantile, Acklam's rational approximation (relative error < 1.2e-9): ample
 * for turning alpha into a critical value.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (coef: number[], x: number) => coef.reduce((acc, k) => acc * x + k, 0);
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - pLow) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** Standard normal CDF via erfc (Numerical Recipes' erfcc, |error| < 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + z / 2);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * Upper-alpha critical value of chi-square with df degrees of freedom, by Wilson-Hilferty: the
 * cube root of chi2/df is close to normal. Within 1% of the exact value for df >= 10 at
 * alpha = 0.001 (0.04% at df = 99), ample for a pass/fail threshold.
 */
export function chiSquareCritical(df: number, alpha: number): number {
  const z = normalQuantile(1 - alpha);
  const v = 2 / (9 * df);
  return df * (1 - v + z * Math.sqrt(v)) ** 3;
}

export interface ChiSquareResult {
  statistic: number;
  degreesOfFreedom: number;
}

/**
 * Pearson's chi-square of observed counts against expected counts. Adjacent cells are pooled
 * until each expects at least 5, the usual condition for the chi-square approximation to hold
 * (Zipf's tail cells expect far fewer).
 */
export function chiSquare(
  observed: ArrayLike<number>,
  expected: ArrayLike<number>,
): ChiSquareResult {
  const cells: [o: number, e: number][] = [];
  let o = 0;
  let e = 0;
  for (let i = 0; i < expected.length; i++) {
    o += observed[i]!;
    e += expected[i]!;
    if (e >= 5) {
      cells.push([o, e]);
      o = 0;
      e = 0;
    }
  }
  const last = cells[cells.length - 1];
  if (last && e > 0) {
    last[0] += o;
    last[1] += e;
  }
  let statistic = 0;
  for (const [obs, exp] of cells) statistic += ((obs - exp) * (obs - exp)) / exp;
  return { statistic, degreesOfFreedom: cells.length - 1 };
}

/** Kolmogorov-Smirnov D = sup |F_n(x) - F(x)| for an ascending sample and a continuous CDF. */
export function ksStatistic(sorted: ArrayLike<number>, cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Asymptotic KS critical value sqrt(-ln(alpha/2) / 2) / sqrt(n), accurate for n >= 100. */
export function ksCritical(n: number, alpha: number): number {
  return Math.sqrt(-Math.log(alpha / 2) / 2) / Math.sqrt(n);
}

/** n draws into a typed array, sorted ascending when asked (for KS and quantiles). */
export function draw(n: number, sample: () => number, sorted = false): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = sample();
  return sorted ? xs.sort() : xs;
}

/**
 * Student-t CDF for an integer number of degrees of freedom, exact in finite terms (Abramowitz
 * and Stegun 26.7.3-4): with theta = atan(t / sqrt(df)), P(|T| <= t) is a short trigonometric
 * sum, odd and even df each with their own series. Exact to rounding, so the quantile below needs
 * no table.
 */
export function studentTCdf(t: number, df: number): number {
  if (!(Number.isInteger(df) && df >= 1)) throw new RangeError(`df must be an integer >= 1`);
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const sin = Math.sin(theta);
  const cos2 = Math.cos(theta) ** 2;
  let twoSided: number;
  if (df % 2 === 1) {
    // (2/pi) [theta + sin cos (1 + (2/3) cos^2 + (2*4)/(3*5) cos^4 + ... )], up to cos^(df-2).
    let term = 1;
    let sum = df > 1 ? 1 : 0;
    for (let k = 3; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * cos2;
      sum += term;
    }
    twoSided = (2 / Math.PI) * (theta + sin * Math.cos(theta) * sum);
  } else {
    // sin [1 + (1/2) cos^2 + (1*3)/(2*4) cos^4 + ...], up to cos^(df-2).
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * cos2;
      sum += term;
    }
    twoSided = sin * sum;
  }
  return t >= 0 ? (1 + twoSided) / 2 : (1 - twoSided) / 2;
}

/** The p-quantile of Student's t with integer df, by bisection on the exact CDF (to 1e-12). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  while (hi - lo > 1e-12 * Math.max(1, hi)) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface ConfidenceInterval {
  mean: number;
  halfWidth: number;
  lo: number;
  hi: number;
  /** Number of values (replications) behind the interval. */
  n: number;
  confidence: number;
}

/**
 * Two-sided Student-t confidence interval for the mean of independent, roughly normal values,
 * such as the means of independent replications of a simulation (each is an average over many
 * customers, so the central limit theorem makes it close to normal).
 */
export function tInterval(values: readonly number[], confidence: number): ConfidenceInterval {
  const n = values.length;
  if (n < 2) throw new RangeError('need at least two values for an interval');
  const mean = sampleMean(values);
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const standardError = Math.sqrt(ss / (n - 1) / n);
  const halfWidth = studentTQuantile(1 - (1 - confidence) / 2, n - 1) * standardError;
  return { mean, halfWidth, lo: mean - halfWidth, hi: mean + halfWidth, n, confidence };
}
