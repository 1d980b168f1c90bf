import type { DistributionSpec } from '../../sim/model/distributions/distributionSpec';
import {
  RESILIENCE4J_CIRCUIT_BREAKER_DEFAULTS,
  type CircuitBreakerConfig,
} from '../../sim/model/resilience/circuitBreaker';
import { HYSTRIX_CIRCUIT_BREAKER } from '../../sim/model/resilience/hystrix';
import type { BreakerSpec } from '../../sim/scenarios/schema/breakerSchema';
import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';

/** A titled list of settings, each a label and its value in words. */
export interface SettingsSection {
  title: string;
  rows: [label: string, value: string][];
}

export interface NodeRef {
  kind: 'source' | 'station';
  id: string;
}

type Station = Scenario['stations'][number];
type Source = Scenario['sources'][number];
type Step = NonNullable<Station['endpoints']>[string][number];

/** A configured time as written, in a readable unit: settings are exact, not rounded figures. */
export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return 'never';
  if (s !== 0 && Math.abs(s) < 1) return `${Number((s * 1000).toPrecision(6))} ms`;
  return `${Number(s.toPrecision(6))} s`;
}

const seconds = (s: number | undefined, none = 'none: waits forever') =>
  s === undefined ? none : formatDuration(s);

export function describeDistribution(d: DistributionSpec): string {
  switch (d.type) {
    case 'exponential':
      return `exponential, mean ${formatDuration(d.mean)}`;
    case 'deterministic':
      return `always ${formatDuration(d.value)}`;
    case 'uniform':
      return `uniform ${formatDuration(d.min)} to ${formatDuration(d.max)}`;
    case 'lognormal':
      return `lognormal, mean ${formatDuration(d.mean)}, p99 ${formatDuration(d.p99)}`;
    case 'empirical':
      return `empirical, ${d.points.length} points`;
  }
}

/**
 * Every threshold of a breaker, the ones the scenario leaves out included: they take
 * Resilience4j's defaults (or Hystrix's with that preset), and a hidden default is exactly what
 * surprises someone reading a run.
 */
export function breakerSettings(spec: BreakerSpec): string {
  const { preset, ...given } = spec;
  const base =
    preset === 'hystrix' ? HYSTRIX_CIRCUIT_BREAKER : RESILIENCE4J_CIRCUIT_BREAKER_DEFAULTS;
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  const c: CircuitBreakerConfig = { ...base, ...defined };
  const window =
    c.slidingWindowType === 'COUNT_BASED'
      ? `last ${c.slidingWindowSize} calls`
      : `last ${c.slidingWindowSize} s`;
  const slow = Number.isFinite(c.slowCallDurationThreshold)
    ? `${c.slowCallRateThreshold}% slower than ${formatDuration(c.slowCallDurationThreshold)}`
    : 'never (no slow-call threshold)';
  const halfOpenWait =
    c.maxWaitDurationInHalfOpenState > 0
      ? `, at most ${formatDuration(c.maxWaitDurationInHalfOpenState)}`
      : '';
  return (
    `${preset} breaker: opens at ${c.failureRateThreshold}% failures or ${slow}, ` +
    `over the ${window} (at least ${c.minimumNumberOfCalls} calls); open for ` +
    `${formatDuration(c.waitDurationInOpenState)}, then ${c.permittedNumberOfCallsInHalfOpenState} ` +
    `trial calls half-open${halfOpenWait}`
  );
}

function describeStep(step: Step): string {
  const failure = 'onFailure' in step ? `; on failure: ${step.onFailure}` : '';
  switch (step.kind) {
    case 'work':
      return `work: ${describeDistribution(step.duration)}`;
    case 'call': {
      const endpoint = step.endpoint ? ` (${step.endpoint})` : '';
      const degrade =
        step.degradeAbove === undefined ? '' : `; skipped above ${step.degradeAbove * 100}% busy`;
      const breaker = step.breaker ? `; ${breakerSettings(step.breaker)}` : '; no breaker';
      return `call ${step.to}${endpoint}: timeout ${seconds(step.timeout)}${failure}${degrade}${breaker}`;
    }
    case 'cacheRead':
      return (
        `read cache ${step.cache}: timeout ${seconds(step.timeout)}; on a miss load from ` +
        `${step.loadFrom}, timeout ${seconds(step.loadTimeout)}${failure}`
      );
    case 'cachedWrite':
      return (
        `write ${step.db} (${step.strategy}) keeping cache ${step.cache}: cache timeout ` +
        `${seconds(step.timeout)}, database timeout ${seconds(step.dbTimeout)}${failure}`
      );
    case 'dbRead':
    case 'dbWrite':
      return `${step.kind === 'dbRead' ? 'read' : 'write'} ${step.db}: timeout ${seconds(step.timeout)}${failure}`;
    case 'shardQuery':
      return `query ${step.table} by ${step.by}: timeout ${seconds(step.timeout)}${failure}`;
    case 'publish':
      return `publish to ${step.topic}${step.delayLevel > 0 ? `, delay level ${step.delayLevel}` : ''}`;
    default:
      // A step kind added to the schema later still shows, with its fields as written.
      return describeOther(step);
  }
}

function describeOther(step: object): string {
  const { kind, ...rest } = step as { kind: string };
  const fields = Object.entries(rest).map(([k, v]) => `${k} ${JSON.stringify(v)}`);
  return fields.length > 0 ? `${kind}: ${fields.join(', ')}` : kind;
}

function stationSections(scenario: Scenario, station: Station): SettingsSection[] {
  const rows: SettingsSection['rows'] = [
    ['Servers', String(station.servers)],
    [
      'Queue capacity',
      station.queueCapacity === undefined ? 'unbounded' : String(station.queueCapacity),
    ],
    ['Timeout policy', station.timeoutPolicy],
  ];
  if (station.service) rows.push(['Service time', describeDistribution(station.service)]);
  if (station.rateLimit) {
    rows.push(['Rate limit', `${station.rateLimit.rate}/s, burst ${station.rateLimit.burst}`]);
  }
  if (station.shedAtQueueLength) {
    const shed = Object.entries(station.shedAtQueueLength)
      .filter(([, n]) => n !== undefined)
      .map(([cls, n]) => `${cls} at ${n}`);
    rows.push(['Load shedding (queue length)', shed.join(', ')]);
  }
  for (const r of station.routes) rows.push([`Route to ${r.to}`, `p = ${r.p}`]);
  const sections: SettingsSection[] = [{ title: `Station ${station.id}`, rows }];
  for (const [name, steps] of Object.entries(station.endpoints ?? {})) {
    sections.push({
      title: `Endpoint ${name}`,
      rows: steps.map((step, j) => [`Step ${j + 1}`, describeStep(step)]),
    });
  }
  return [...sections, ...memberSections(scenario, station.id)];
}

/** What else the station is: a cache node, a database master or replica, a topic consumer. */
function memberSections(scenario: Scenario, id: string): SettingsSection[] {
  const sections: SettingsSection[] = [];
  for (const c of scenario.caches.filter((c) => c.nodes.includes(id))) {
    sections.push({
      title: `Cache ${c.id} (this station is one of its ${c.nodes.length} nodes)`,
      rows: [
        ['Capacity', `${c.capacity} keys, LRU`],
        ['TTL', c.ttl === undefined ? 'none' : `${formatDuration(c.ttl)} ± ${c.ttlJitter * 100}%`],
        ['Not-found TTL', c.nullTtl > 0 ? formatDuration(c.nullTtl) : 'not cached'],
        ['Preload', c.preload > 0 ? `${c.preload} keys` : 'cold start'],
        ['Refill under lock', c.fillUnderLock ? 'yes' : 'no'],
      ],
    });
  }
  for (const db of scenario.databases) {
    const role = db.master === id ? 'master' : db.replicas.includes(id) ? 'replica' : null;
    if (!role) continue;
    sections.push({
      title: `Database ${db.id} (this station is its ${role})`,
      rows: [
        ['Master', db.master],
        ['Replicas', db.replicas.length > 0 ? db.replicas.join(', ') : 'none'],
        ['Reads go to', db.readRouting],
        [
          'Read your writes',
          db.readYourWrites > 0 ? `for ${formatDuration(db.readYourWrites)}` : 'off',
        ],
        ['Binlog shipping', describeDistribution(db.shipDelay)],
        ['Apply time per write', describeDistribution(db.applyTime)],
      ],
    });
  }
  for (const t of scenario.topics.filter((t) => t.consumers.includes(id))) {
    sections.push({
      title: `Topic ${t.id} (this station consumes it)`,
      rows: [
        ['Partitions', String(t.partitions)],
        ['Consumers', t.consumers.join(', ')],
        ['Commit every', formatDuration(t.commitInterval)],
        ['Redelivery', t.retry ? 'RocketMQ delay levels, dead letter after 16' : 'off'],
      ],
    });
  }
  return sections;
}

function sourceSections(source: Source): SettingsSection[] {
  const rows: SettingsSection['rows'] = [
    ['Kind', source.kind],
    ['Target', source.endpoint ? `${source.target} (${source.endpoint})` : source.target],
    ['Priority', source.priority],
  ];
  if (source.kind === 'closed') {
    rows.push(
      ['Clients', String(source.clients)],
      ['Think time', describeDistribution(source.think)],
    );
  } else if (source.rate !== undefined) {
    rows.push(['Rate', `${source.rate} requests/s`]);
  } else if (source.profile) {
    const peak = Math.max(...source.profile.points.map(([, r]) => r));
    rows.push([
      'Rate',
      `profile of ${source.profile.points.length} points, peak ${peak} requests/s`,
    ]);
  }
  const client = source.client;
  rows.push(['Client timeout', seconds(client?.timeout)]);
  const retry = client?.retry;
  rows.push([
    'Retries',
    retry
      ? `${retry.maxAttempts} attempts, backoff ${formatDuration(retry.initialBackoff)} × ${retry.multiplier} ` +
        `up to ${formatDuration(retry.maxBackoff)}, jitter ${retry.jitter}` +
        (retry.budget
          ? `, budget ${retry.budget.ratio} per request (burst ${retry.budget.burst})`
          : '')
      : 'none',
  ]);
  return [{ title: `Source ${source.id}`, rows }];
}

/** Faults the scenario itself schedules against this node. */
function faultSection(scenario: Scenario, node: NodeRef): SettingsSection[] {
  const rows = scenario.faults
    .filter((f) => 'station' in f && f.station === node.id)
    .map((f): [string, string] => {
      const { kind, at, ...rest } = f;
      const parts = Object.entries(rest)
        .filter(([k]) => k !== 'station')
        .map(([k, v]) => `${k} ${String(v)}`);
      return [`t = ${at} s`, [kind, ...parts].join(', ')];
    });
  return node.kind === 'station' && rows.length > 0 ? [{ title: 'Scheduled faults', rows }] : [];
}

/** The settings of a topology node, as the loaded scenario has them (defaults filled in). */
export function nodeSettings(scenario: Scenario, node: NodeRef): SettingsSection[] {
  if (node.kind === 'source') {
    const source = scenario.sources.find((s) => s.id === node.id);
    return source ? sourceSections(source) : [];
  }
  const station = scenario.stations.find((s) => s.id === node.id);
  return station ? [...stationSections(scenario, station), ...faultSection(scenario, node)] : [];
}
