import type { FaultSpec } from '../../sim/scenarios/schema/faultSchema';
import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';

export type FaultKind = FaultSpec['kind'];

/** Text typed or chosen per field name: the form's state. */
export type FieldValues = Record<string, string>;

/**
 * A field of the fault form: a choice among the scenario's ids, or a number. Ranges are not
 * repeated here: the worker validates with the scenario schema and its message names the range.
 */
export interface FieldSpec {
  name: string;
  label: string;
  kind: 'choice' | 'number';
  /** Omitted when left empty (the schema's default, or "until the end"). */
  optional?: boolean;
  initial?: string;
  /** The ids a choice offers, given the values chosen so far. */
  options?: (scenario: Scenario, values: FieldValues) => string[];
}

export interface KindForm {
  label: string;
  fields: FieldSpec[];
}

const stationIds = (s: Scenario) => s.stations.map((x) => x.id);
/** Stations with a placeOrder step: the instances an instanceCrash can hit. */
const orderServices = (s: Scenario) =>
  s.stations
    .filter((x) =>
      Object.values(x.endpoints ?? {}).some((steps) =>
        steps.some((step) => step.kind === 'placeOrder'),
      ),
    )
    .map((x) => x.id);
/** The services the order sagas call. */
const sagaServices = (s: Scenario) => [
  ...new Set(s.orders.flatMap((o) => [o.rider, o.payment, o.merchant])),
];
const station: FieldSpec = {
  name: 'station',
  label: 'Station',
  kind: 'choice',
  options: stationIds,
};
const duration: FieldSpec = {
  name: 'duration',
  label: 'For (s; empty: to the end)',
  kind: 'number',
  optional: true,
};

export const FAULT_FORMS: Record<FaultKind, KindForm> = {
  slowdown: {
    label: 'Slow a dependency down',
    fields: [
      station,
      { name: 'factor', label: 'Slowdown factor (×)', kind: 'number', initial: '10' },
      duration,
    ],
  },
  outage: { label: 'Make a dependency fail (outage)', fields: [station, duration] },
  servers: {
    label: 'Change the server count',
    fields: [station, { name: 'servers', label: 'Servers', kind: 'number', initial: '1' }],
  },
  flushCache: {
    label: 'Flush a cache',
    fields: [
      {
        name: 'cache',
        label: 'Cache',
        kind: 'choice',
        options: (s) => s.caches.map((c) => c.id),
      },
    ],
  },
  centreDown: {
    label: 'Fail a data centre',
    fields: [
      {
        name: 'centre',
        label: 'Data centre',
        kind: 'choice',
        options: (s) => s.multiActive?.centres.map((c) => c.id) ?? [],
      },
      {
        name: 'failoverDelay',
        label: 'Failover after (s)',
        kind: 'number',
        optional: true,
        initial: '30',
      },
      duration,
    ],
  },
  masterFailover: {
    label: 'Kill a database master',
    fields: [
      {
        name: 'db',
        label: 'Database',
        kind: 'choice',
        options: (s) => s.databases.map((d) => d.id),
      },
      {
        name: 'promotionDelay',
        label: 'Promotion after (s)',
        kind: 'number',
        optional: true,
        initial: '30',
      },
    ],
  },
  consumerCrash: {
    label: 'Crash a queue consumer',
    fields: [
      { name: 'topic', label: 'Topic', kind: 'choice', options: (s) => s.topics.map((t) => t.id) },
      {
        name: 'consumer',
        label: 'Consumer',
        kind: 'choice',
        options: (s, v) => s.topics.find((t) => t.id === v.topic)?.consumers ?? [],
      },
      {
        name: 'restartDelay',
        label: 'Back after (s)',
        kind: 'number',
        optional: true,
        initial: '45',
      },
    ],
  },
  instanceCrash: {
    label: 'Crash an order service instance mid-saga',
    fields: [{ name: 'station', label: 'Order service', kind: 'choice', options: orderServices }],
  },
  duplicateCalls: {
    label: 'Duplicate messages (saga calls arrive twice)',
    fields: [
      { name: 'station', label: 'Service', kind: 'choice', options: sagaServices },
      { name: 'duration', label: 'For (s)', kind: 'number', initial: '10' },
    ],
  },
};
