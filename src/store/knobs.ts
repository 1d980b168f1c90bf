import type { DistributionSpec } from '../../sim/model/distributions/distributionSpec';
import { formatPath } from '../../sim/scenarios/formatIssues';
import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';

export type KnobPath = readonly (string | number)[];

/** One number of a scenario a person may change from the page (or a link). */
export interface Knob {
  /**
   * The path as the validator prints it (`stations[1].servers`): its messages name the field this
   * way, and links name edits by it. Never parsed: a key is only compared with the knobs' keys.
   */
  key: string;
  path: KnobPath;
  label: string;
  /** In the loaded scenario, defaults filled in; undefined when the field is left out. */
  value: number | undefined;
  /** Present when the field may be left empty (removed): what that means. */
  empty?: string;
}

export interface KnobGroup {
  kind: 'source' | 'station' | 'cache';
  id: string;
  knobs: Knob[];
}

/** More points than this and a profile is a curve to edit in a file, not field by field. */
const MAX_PROFILE_POINTS = 24;

type Station = Scenario['stations'][number];
type Source = Scenario['sources'][number];
type Step = NonNullable<Station['endpoints']>[string][number];

const knob = (path: KnobPath, label: string, value: number | undefined, empty?: string): Knob => ({
  key: formatPath(path),
  path,
  label,
  value,
  ...(empty === undefined ? {} : { empty }),
});

const NO_TIMEOUT = 'none: waits forever';

/** The numbers of a distribution; an empirical CDF is a table, not a knob. */
function distributionKnobs(spec: DistributionSpec, path: KnobPath, what: string): Knob[] {
  const param = (name: string, value: number) =>
    knob([...path, name], `${what} ${name} (s)`, value);
  switch (spec.type) {
    case 'exponential':
      return [param('mean', spec.mean)];
    case 'deterministic':
      return [param('value', spec.value)];
    case 'uniform':
      return [param('min', spec.min), param('max', spec.max)];
    case 'lognormal':
      return [param('mean', spec.mean), param('p99', spec.p99)];
    default:
      return [];
  }
}

function stepKnobs(step: Step, path: KnobPath, name: string): Knob[] {
  const timeout = (field: string, what: string, value: number | undefined, empty = NO_TIMEOUT) =>
    knob([...path, field], `${name}: ${what} (s)`, value, empty);
  switch (step.kind) {
    case 'work':
      return distributionKnobs(step.duration, [...path, 'duration'], `${name}: work`);
    case 'call':
      return [timeout('timeout', `call ${step.to} timeout`, step.timeout)];
    case 'cacheRead':
      return [
        timeout('timeout', `${step.cache} read timeout`, step.timeout, 'the default, 0.1 s'),
        timeout('loadTimeout', `load from ${step.loadFrom} timeout`, step.loadTimeout),
      ];
    case 'cachedWrite':
      return [
        timeout('timeout', `${step.cache} write timeout`, step.timeout, 'the default, 0.1 s'),
        timeout('dbTimeout', `${step.db} write timeout`, step.dbTimeout),
      ];
    case 'dbRead':
    case 'dbWrite':
      return [timeout('timeout', `${step.kind} ${step.db} timeout`, step.timeout)];
    case 'shardQuery':
      return [timeout('timeout', `query ${step.table} timeout`, step.timeout)];
    default:
      return [];
  }
}

function stationKnobs(station: Station, i: number): Knob[] {
  const at = ['stations', i] as const;
  const knobs = [
    knob([...at, 'servers'], 'Servers', station.servers),
    knob([...at, 'queueCapacity'], 'Queue capacity', station.queueCapacity, 'unbounded'),
  ];
  if (station.service)
    knobs.push(...distributionKnobs(station.service, [...at, 'service'], 'Service'));
  for (const [name, steps] of Object.entries(station.endpoints ?? {})) {
    steps.forEach((step, j) => {
      knobs.push(...stepKnobs(step, [...at, 'endpoints', name, j], `${name}[${j}]`));
    });
  }
  return knobs;
}

function sourceKnobs(source: Source, k: number): Knob[] {
  const at = ['sources', k] as const;
  const knobs: Knob[] = [];
  if (source.kind === 'closed') {
    knobs.push(knob([...at, 'clients'], 'Clients', source.clients));
  } else if (source.rate !== undefined) {
    knobs.push(knob([...at, 'rate'], 'Rate (requests/s)', source.rate));
  } else if (source.profile && source.profile.points.length <= MAX_PROFILE_POINTS) {
    source.profile.points.forEach(([t, rate], p) =>
      knobs.push(knob([...at, 'profile', 'points', p, 1], `Rate at t = ${t} s (requests/s)`, rate)),
    );
  }
  knobs.push(
    knob([...at, 'client', 'timeout'], 'Client timeout (s)', source.client?.timeout, NO_TIMEOUT),
  );
  return knobs;
}

/**
 * The scale knobs of a scenario, by part: request rates, servers and queues, service and work
 * times (the latency of each dependency), timeouts, cache sizes and TTLs. Only numbers whose
 * change keeps the scenario's structure: the list is the same before and after any edit.
 */
export function knobsOf(scenario: Scenario): KnobGroup[] {
  return [
    ...scenario.sources.map((s, k) => ({
      kind: 'source' as const,
      id: s.id,
      knobs: sourceKnobs(s, k),
    })),
    ...scenario.stations.map((s, i) => ({
      kind: 'station' as const,
      id: s.id,
      knobs: stationKnobs(s, i),
    })),
    ...scenario.caches.map((c, i) => ({
      kind: 'cache' as const,
      id: c.id,
      knobs: [
        knob(['caches', i, 'capacity'], 'Capacity (keys)', c.capacity),
        knob(['caches', i, 'ttl'], 'TTL (s)', c.ttl, 'no TTL'),
      ],
    })),
  ];
}

/** Every knob by key. */
export function knobIndex(groups: readonly KnobGroup[]): Map<string, Knob> {
  return new Map(groups.flatMap((g) => g.knobs.map((k) => [k.key, k] as const)));
}

/** A knob's value as the field shows it. */
export function knobText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}
