import { describe, expect, it } from 'vitest';
import { deriveFigures, pushSample, type LiveSample } from '../../../src/store/liveFigures';
import type { SnapshotLayout } from '../../../src/store/layout';

const layout: SnapshotLayout = {
  stationIds: ['db'],
  sourceIds: ['users'],
  stationFields: [
    'arrivals',
    'completed',
    'rejected',
    'timedOut',
    'busy',
    'servers',
    'queueLength',
    'busyArea',
    'capacityArea',
  ],
  sourceFields: ['offered', 'attempts', 'successes', 'failures', 'latencySum'],
  stationSeriesFields: [],
  sourceSeriesFields: [],
  cacheIds: [],
  topicIds: [],
  cacheSeriesFields: [],
  topicSeriesFields: [],
};

const sample = (now: number, station: number[], source: number[]): LiveSample => ({
  now,
  stations: Float64Array.from(station),
  sources: Float64Array.from(source),
});

describe('deriveFigures', () => {
  const a = sample(10, [100, 90, 2, 1, 3, 4, 5, 30, 40], [100, 120, 80, 10, 0]);
  const b = sample(20, [200, 180, 4, 2, 2, 4, 7, 60, 80], [180, 230, 150, 20, 0]);

  it('counts since t = 0, utilisation and rates over the window', () => {
    const figures = deriveFigures(layout, [a, b], [0.25]);
    expect(figures.windowSeconds).toBe(10);
    expect(figures.stations[0]).toEqual({
      id: 'db',
      arrivals: 200,
      completed: 180,
      rejected: 4,
      timedOut: 2,
      servers: 4,
      busy: 2,
      queue: 7,
      utilisation: 30 / 40,
      meanLatency: 0.25,
    });
    expect(figures.sources[0]).toEqual({
      id: 'users',
      offered: 180,
      offeredRate: 8,
      goodputRate: 7,
      successShare: 150 / 170,
      retries: 50,
    });
  });

  it('measures from t = 0 while the window holds one sample', () => {
    const figures = deriveFigures(layout, [a]);
    expect(figures.stations[0]!.utilisation).toBe(30 / 40);
    expect(figures.sources[0]!.offeredRate).toBe(10);
    expect(figures.stations[0]!.meanLatency).toBeNull();
  });

  it('falls back to busy/servers before any time has passed', () => {
    const start = sample(0, [1, 0, 0, 0, 1, 4, 0, 0, 0], [1, 1, 0, 0, 0]);
    const figures = deriveFigures(layout, [start]);
    expect(figures.stations[0]!.utilisation).toBe(0.25);
    expect(figures.sources[0]!.offeredRate).toBeNull();
    expect(figures.sources[0]!.successShare).toBeNull();
  });

  it('uses a station latency sum over the window when the worker sends one', () => {
    const withLatency = { ...layout, stationFields: [...layout.stationFields, 'latencySum'] };
    const x = sample(10, [100, 90, 2, 1, 3, 4, 5, 30, 40, 9], [0, 0, 0, 0, 0]);
    const y = sample(20, [200, 180, 4, 2, 2, 4, 7, 60, 80, 27], [0, 0, 0, 0, 0]);
    expect(deriveFigures(withLatency, [x, y], [5]).stations[0]!.meanLatency).toBeCloseTo(0.2, 15);
  });

  it('is empty with no sample', () => {
    expect(deriveFigures(layout, []).stations).toEqual([]);
  });
});

describe('pushSample', () => {
  it('keeps the newest samples, oldest first', () => {
    let window: LiveSample[] = [];
    for (let t = 0; t < 5; t++) window = pushSample(window, sample(t, [], []), 3);
    expect(window.map((s) => s.now)).toEqual([2, 3, 4]);
  });
});

describe('pushSample with a span', () => {
  it('drops samples older than the span but keeps the one before the newest', () => {
    let window: LiveSample[] = [];
    for (const t of [0, 1, 2, 10, 11]) window = pushSample(window, sample(t, [], []), 60, 5);
    expect(window.map((s) => s.now)).toEqual([10, 11]);
    window = pushSample(window, sample(100, [], []), 60, 5);
    expect(window.map((s) => s.now)).toEqual([11, 100]);
  });
});

describe('a replica station', () => {
  const fields = [
    ...layout.stationFields,
    'replicaLag',
    'replicaLagSum',
    'replicaLagSamples',
    'replicaMaxLag',
  ];
  const withLag = { ...layout, stationIds: ['replica', 'api'], stationFields: fields };
  const nine = [100, 90, 2, 1, 3, 4, 5, 30, 40];
  const at = (now: number, replica: number[]) =>
    sample(now, [...nine, ...replica, ...nine, NaN, NaN, NaN, NaN], [0, 0, 0, 0, 0]);

  it('shows its lag now, its mean over the window and its largest; others have none', () => {
    const figures = deriveFigures(withLag, [
      at(10, [0, 2, 1000, 0.01]),
      at(20, [0.5, 12, 2000, 0.6]),
    ]);
    expect(figures.stations[0]!.replica).toEqual({ now: 0.5, mean: 10 / 1000, max: 0.6 });
    expect(figures.stations[1]!.replica).toBeUndefined();
    expect('replica' in figures.stations[1]!).toBe(false);
  });

  it('has no mean when no write was replicated in the window', () => {
    const figures = deriveFigures(withLag, [
      at(10, [0, 2, 1000, 0.01]),
      at(20, [0, 2, 1000, 0.01]),
    ]);
    expect(figures.stations[0]!.replica).toEqual({ now: 0, mean: null, max: 0.01 });
  });
});
