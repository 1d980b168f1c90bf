/**
 * Closed forms of queueing theory (SEMANTICS.md section 7), and which stations of a scenario they
 * describe. The theory tests hold the simulator to these; the CLI and the UI show them beside the
 * simulated figures. Rates per second, times in seconds. Notation: lambda arrival rate, mu
 * service rate of one server, c servers, a = lambda / mu the offered load in Erlangs, rho = a / c
 * the utilisation of each server.
 */
import { createDistribution } from '../model/distributions/createDistribution';
import type { Scenario } from '../scenarios/schema/scenarioSchema';

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
  const gap = 1 - Math.sqrt(rho);
  return 1 / (serviceRate * gap * gap);
}

/** Which closed form applies: Erlang C, Pollaczek-Khinchine (M/D/1, M/G/1) or Erlang B. */
export type TheoryModel = 'M/M/c' | 'M/D/1' | 'M/G/1' | 'M/G/c/c';

/** Steady-state figures of one station, comparable field by field with its StationReport. */
export interface StationTheory {
  model: TheoryModel;
  /** Kendall notation with the station's numbers: "M/M/8", "M/D/1", "M/M/10/10". */
  label: string;
  /** The one Poisson source feeding the station. */
  source: string;
  lambda: number;
  meanService: number;
  servers: number;
  /** a = lambda E[S], Erlangs. */
  offeredLoad: number;
  /**
   * False when an unbounded queue is offered its capacity or more: it grows for ever, so the
   * times and numbers below have no steady state and are null.
   */
  stable: boolean;
  /** Busy share of each server (StationReport.utilization). */
  utilization: number;
  /** Completions per second. */
  throughput: number;
  /** Mean time at the station, wait + service (latency.mean). */
  W: number | null;
  /** Mean wait before service (wait.mean). */
  Wq: number | null;
  /** Time-averaged number present (meanInSystem). */
  L: number | null;
  /** Time-averaged number waiting (meanQueueLength). */
  Lq: number | null;
  /** Share of arrivals refused (rejected / arrivals): Erlang B for a loss system, else 0. */
  blocking: number;
}

type StationSpec = Scenario['stations'][number];

/**
 * The one source that is a plain stationary Poisson stream into `station`, with nothing that
 * makes a client leave or come back, or undefined. Conservative on purpose: a theory value shown
 * beside a simulated one must be the right theory, so anything unusual rules the station out.
 */
function plainPoissonSource(scenario: Scenario, station: string) {
  if (scenario.sources.length !== 1) return undefined;
  const source = scenario.sources[0]!;
  if (source.kind !== 'poisson' || source.target !== station) return undefined;
  if (source.rate === undefined || !(source.rate > 0)) return undefined;
  if (source.bursts.length > 0 || source.batches.length > 0) return undefined;
  if (source.endpoint !== undefined) return undefined;
  if (source.client?.timeout !== undefined || source.client?.retry !== undefined) return undefined;
  return { id: source.id, rate: source.rate };
}

/** Whether any string anywhere inside `value` is `id`. */
function mentions(value: unknown, id: string): boolean {
  if (value === id) return true;
  if (Array.isArray(value)) return value.some((v) => mentions(v, id));
  if (value !== null && typeof value === 'object') {
    return Object.values(value).some((v) => mentions(v, id));
  }
  return false;
}

/** Parts of a scenario that name stations without acting on them. */
const INERT = new Set(['$schema', 'name', 'title', 'description', 'sources', 'tiers']);

/** A c-server FIFO queue and nothing else: no endpoints, routes, admission control or faults. */
function isPlainStation(scenario: Scenario, spec: StationSpec): boolean {
  if (spec.service === undefined || spec.endpoints !== undefined) return false;
  if (spec.routes.length > 0 || spec.rateLimit !== undefined) return false;
  if (spec.shedAtQueueLength !== undefined) return false;
  if (spec.queueCapacity !== undefined && spec.queueCapacity !== 0) return false;
  // Whatever else names the station (a route or call to it, a fault on it, a cache, database,
  // topic, shard or any later component using it as a node) may add traffic or change its
  // capacity. Searching every field, rather than listing today's, keeps this true as the schema
  // grows; a false alarm (another part sharing the id) only costs the theory row.
  return !Object.entries(scenario).some(([key, value]) => {
    if (INERT.has(key)) return false;
    const others = key === 'stations' ? scenario.stations.filter((s) => s !== spec) : value;
    return mentions(others, spec.id);
  });
}

/** The closed form for `stationId` of a validated scenario, or null when none applies exactly. */
export function stationTheory(scenario: Scenario, stationId: string): StationTheory | null {
  const spec = scenario.stations.find((s) => s.id === stationId);
  if (spec?.service === undefined || !isPlainStation(scenario, spec)) return null;
  const source = plainPoissonSource(scenario, stationId);
  if (source === undefined) return null;
  const service = createDistribution(spec.service);
  const meanService = service.mean;
  if (!(meanService > 0) || !Number.isFinite(service.variance)) return null;
  const c = spec.servers;
  const lambda = source.rate;
  const a = lambda * meanService;
  const letter =
    spec.service.type === 'exponential' ? 'M' : spec.service.type === 'deterministic' ? 'D' : 'G';
  const base = { source: source.id, lambda, meanService, servers: c, offeredLoad: a };

  if (spec.queueCapacity === 0) {
    const b = erlangB(c, a);
    const carried = a * (1 - b);
    return {
      model: 'M/G/c/c',
      label: `M/${letter}/${c}/${c}`,
      ...base,
      stable: true,
      utilization: carried / c,
      throughput: lambda * (1 - b),
      W: meanService,
      Wq: 0,
      L: carried,
      Lq: 0,
      blocking: b,
    };
  }

  // Erlang C needs exponential service; Pollaczek-Khinchine any law, but only one server.
  let model: TheoryModel;
  if (letter === 'M') model = 'M/M/c';
  else if (c === 1) model = letter === 'D' ? 'M/D/1' : 'M/G/1';
  else return null;
  const label = `M/${letter}/${c}`;
  if (a >= c) {
    const busy = { utilization: 1, throughput: c / meanService };
    return {
      model,
      label,
      ...base,
      stable: false,
      ...busy,
      W: null,
      Wq: null,
      L: null,
      Lq: null,
      blocking: 0,
    };
  }
  const wq =
    model === 'M/M/c'
      ? mmcMeanWait(lambda, 1 / meanService, c)
      : pkMeanWait(lambda, meanService, service.variance);
  const w = wq + meanService;
  return {
    model,
    label,
    ...base,
    stable: true,
    utilization: a / c,
    throughput: lambda,
    W: w,
    Wq: wq,
    L: lambda * w,
    Lq: lambda * wq,
    blocking: 0,
  };
}

/** Every station of the scenario that has a closed form, by id (empty when none has). */
export function scenarioTheory(scenario: Scenario): Record<string, StationTheory> {
  const out: Record<string, StationTheory> = {};
  for (const s of scenario.stations) {
    const theory = stationTheory(scenario, s.id);
    if (theory !== null) out[s.id] = theory;
  }
  return out;
}
