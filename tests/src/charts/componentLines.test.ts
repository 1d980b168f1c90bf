import { describe, expect, it } from 'vitest';
import { EMPTY_CHART_SERIES, type ChartSeries } from '../../../src/store/chartSeries';
import { EMPTY_LAYOUT, type SnapshotLayout } from '../../../src/store/layout';
import {
  BREAKER_LEVEL_NAMES,
  breakerLevelLines,
  breakerStateLines,
  dominantLevel,
  orderRateLines,
  orderStateLines,
  replicationLagLines,
} from '../../../src/charts/componentLines';
import { poolLines } from '../../../src/charts/poolLines';

const layout: SnapshotLayout = {
  ...EMPTY_LAYOUT,
  stationIds: ['api', 'db'],
  orderIds: ['orders'],
  orderSeriesFields: ['created', 'compensated', 'persistingOrderArea', 'capturingPaymentArea'],
  databaseIds: ['orders-db'],
  breakerIds: ['api.page[0]'],
};

const chart: ChartSeries = {
  ...EMPTY_CHART_SERIES,
  t: [0, 1],
  bucketSeconds: 1,
  stations: [
    {
      id: 'api',
      throughput: [],
      utilisation: [],
      meanLatency: [],
      queueLength: [3, 4],
      busy: [1, 2],
      poolSize: [8, 8],
      latencyP50: [],
      latencyP95: [],
      latencyP99: [],
    },
  ],
  orders: [
    {
      id: 'orders',
      states: [
        { name: 'persistingOrder', values: [1, 2] },
        { name: 'capturingPayment', values: [3, 4] },
      ],
      rates: [
        { name: 'created', values: [5, 6] },
        { name: 'compensated', values: [0, 1] },
      ],
    },
  ],
  databases: [
    {
      id: 'orders-db',
      meanLag: [0.5, 1.5],
      replicas: [
        { id: 'replica-1', meanLag: [0.25, 1] },
        { id: 'replica-2', meanLag: [0.75, 2] },
      ],
      staleReads: [0, 2],
      writes: [9, 9],
    },
  ],
  breakers: [{ id: 'api.page[0]', closed: [1, 0.2], halfOpen: [0, 0.1], open: [0, 0.7] }],
};

describe('lines of the component charts', () => {
  it('one line per saga state and per order counter, named from the worker’s fields', () => {
    const states = orderStateLines(layout);
    expect(states.map((l) => l.label)).toEqual(['persistingOrder', 'capturingPayment']);
    expect(states[1]!.values(chart)).toEqual([3, 4]);
    const rates = orderRateLines(layout);
    expect(rates.map((l) => l.label)).toEqual(['created', 'compensated']);
    expect(rates[1]!.values(chart)).toEqual([0, 1]);
    // Lines differ in colour and their keys are unique.
    expect(new Set(states.map((l) => l.colour)).size).toBe(2);
  });

  it('breaker OPEN and HALF_OPEN shares, told apart by label and dash', () => {
    const lines = breakerStateLines(layout);
    expect(lines.map((l) => l.label)).toEqual(['api.page[0] OPEN', 'api.page[0] HALF_OPEN']);
    expect(lines[0]!.dash).toBeNull();
    expect(lines[1]!.dash).not.toBeNull();
    expect(lines[0]!.values(chart)).toEqual([0, 0.7]);
  });

  it('breaker level: the state held longest in each bucket, named on the axis', () => {
    const [line] = breakerLevelLines(layout);
    expect(line!.values(chart)).toEqual([0, 2]);
    expect(
      dominantLevel({ id: 'b', closed: [0.3, 0], halfOpen: [0.6, 0], open: [0.1, 0] }),
    ).toEqual([1, NaN]);
    expect(BREAKER_LEVEL_NAMES[2]).toBe('OPEN');
  });

  it('replication lag per database and the chosen station’s pool', () => {
    expect(replicationLagLines(layout)[0]!.values(chart)).toEqual([0.5, 1.5]);
    const pool = poolLines('api')(layout);
    expect(pool.map((l) => l.label)).toEqual(['busy threads', 'queued requests', 'pool size']);
    expect(pool.map((l) => l.values(chart))).toEqual([
      [1, 2],
      [3, 4],
      [8, 8],
    ]);
    // A layout without the component gives no lines, hence no chart.
    expect(breakerStateLines(EMPTY_LAYOUT)).toEqual([]);
    expect(orderStateLines(EMPTY_LAYOUT)).toEqual([]);
  });

  it('replication lag: the mean, then one line per replica named by its id, each its own dash', () => {
    const withReplicas = { ...layout, databaseReplicaIds: [['replica-1', 'replica-2']] };
    const lines = replicationLagLines(withReplicas);
    expect(lines.map((l) => l.label)).toEqual(['orders-db mean', 'replica-1', 'replica-2']);
    expect(lines.map((l) => l.values(chart))).toEqual([
      [0.5, 1.5],
      [0.25, 1],
      [0.75, 2],
    ]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(3);
    // Told apart without colour: the mean solid, each replica its own dash pattern.
    expect(lines[0]!.dash).toBeNull();
    const dashes = lines.slice(1).map((l) => l.dash);
    expect(dashes).not.toContain(null);
    expect(new Set(dashes).size).toBe(2);
    expect(new Set(lines.map((l) => l.colour)).size).toBe(3);
    // With two databases, a replica's label names its database too.
    const two = replicationLagLines({
      ...layout,
      databaseIds: ['a', 'b'],
      databaseReplicaIds: [['r1'], ['r2', 'r3']],
    });
    expect(two.map((l) => l.label)).toEqual(['a mean', 'a r1', 'b mean', 'b r2', 'b r3']);
    expect(two[4]!.values({ ...chart, databases: [] })).toBeUndefined();
  });
});
