/**
 * Closed forms of queueing theory (SEMANTICS.md section 7), the yardsticks the theory tests hold
 * the simulator to. Pure functions of the model's parameters: rates per second, times in seconds.
 * Notation: lambda arrival rate, mu service rate of one server, c servers, a = lambda / mu the
 * offered load in Erlangs, rho = a / c the utilisation of each server.
 */

function requirePositive(name: string, x: number): void {
  if (!(x > 0 && Number.isFinite(x))) throw new RangeError(`${name} must be > 0, got ${x}`);
}

function requireServers(c: number): void {
  if (!(Number.isInteger(c) && c >= 1)) throw new RangeError(`c must be an integer >= 1, got ${c}`);
}

/**
 * Erlang B: the share of arrivals an M/M/c/c (or M/G/c/c: it is insensitive to the service
 * distribution) turns away. The textbook a^c/c! / sum a^k/k! overflows for large c, so use the
 * recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), whose every step is a ratio in [0, 1].
 */
export function erlangB(c: number, a: number): number {
  requireServers(c);
  requirePositive('a', a);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C: the probability that an arrival to an M/M/c has to wait, for a < c. From Erlang B by
 * C = c B / (c - a (1 - B)), which keeps the stability of B's recursion.
 */
export function erlangC(c: number, a: number): number {
  requireServers(c);
  requirePositive('a', a);
  if (a >= c) throw new RangeError(`unstable: a = ${a} Erlangs on ${c} servers`);
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** M/M/c mean time in the queue: Wq = C(c, a) / (c mu - lambda). */
export function mmcMeanWait(lambda: number, mu: number, c: number): number {
  requirePositive('lambda', lambda);
  requirePositive('mu', mu);
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}

export interface SingleServerFigures {
  /** Utilisation lambda / mu. */
  rho: number;
  /** Mean time in the system (wait + service). */
  W: number;
  /** Mean time in the queue. */
  Wq: number;
  /** Mean number in the system. */
  L: number;
  /** Mean number waiting. */
  Lq: number;
}

/** M/M/1: W = 1/(mu - lambda), Wq = rho/(mu - lambda), L = rho/(1 - rho), Lq = rho^2/(1 - rho). */
export function mm1(lambda: number, mu: number): SingleServerFigures {
  requirePositive('lambda', lambda);
  requirePositive('mu', mu);
  if (lambda >= mu) throw new RangeError(`unstable: lambda = ${lambda} >= mu = ${mu}`);
  const rho = lambda / mu;
  return {
    rho,
    W: 1 / (mu - lambda),
    Wq: rho / (mu - lambda),
    L: rho / (1 - rho),
    Lq: (rho * rho) / (1 - rho),
  };
}

/**
 * Pollaczek-Khinchine mean wait of an M/G/1: Wq = lambda E[S^2] / (2 (1 - rho)) with
 * E[S^2] = var + mean^2, the same as SEMANTICS.md's rho tau (1 + sigma^2/tau^2) / (2 (1 - rho)).
 */
export function pkMeanWait(lambda: number, meanS: number, varS: number): number {
  requirePositive('lambda', lambda);
  requirePositive('meanS', meanS);
  if (!(varS >= 0)) throw new RangeError(`varS must be >= 0, got ${varS}`);
  const rho = lambda * meanS;
  if (rho >= 1) throw new RangeError(`unstable: rho = ${rho}`);
  return (lambda * (varS + meanS * meanS)) / (2 * (1 - rho));
}

/**
 * Traffic equations of an open network: lambda_j = external_j + sum_i lambda_i P[i][j], where
 * P[i][j] is the chance a request leaving station i goes to j (rows may sum to less than 1: the
 * rest leaves). Solves (I - P^T) lambda = external by Gaussian elimination with partial pivoting.
 */
export function trafficEquations(
  external: readonly number[],
  routing: readonly number[][],
): number[] {
  const n = external.length;
  const m = Array.from({ length: n }, (_, j) => [
    ...Array.from({ length: n }, (_, i) => (i === j ? 1 : 0) - (routing[i]?.[j] ?? 0)),
    external[j]!,
  ]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    }
    if (Math.abs(m[pivot]![col]!) < 1e-12) throw new RangeError('routing traps requests forever');
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const row = m[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / row[col]!;
      for (let k = col; k <= n; k++) m[r]![k]! -= f * row[k]!;
    }
  }
  return m.map((row, j) => row[n]! / row[j]!);
}

/**
 * Relaxation time of an M/M/1 queue, 1 / (mu (1 - sqrt(rho))^2) (Morse, 1955): how long the
 * queue takes to forget where it started. It sets the warm-up (several of them) and says how long
 * a run must be: near saturation the run's mean wait has a relative variance of roughly
 * relaxation time / run length, so a 4% standard error takes some 600 relaxation times. For an
 * M/M/c pass the total service rate c mu: when all servers are busy the queue drains like one
 * fast server.
 */
export function relaxationTime(rho: number, serviceRate: number): number {
  requirePositive('serviceRate', serviceRate);
  if (!(rho > 0 && rho < 1)) throw new RangeError(`rho must be in (0, 1), got ${rho}`);
  return 1 / (serviceRate * (1 - Math.sqrt(rho)) ** 2);
}
