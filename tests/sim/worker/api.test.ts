import { describe, expect, it } from 'vitest';
import { api } from '../../../sim/worker/api';
import { presetScenario, runScenario } from '../../../sim/scenarios/runScenario';
import { PRESETS } from '../../../sim/scenarios/presets';
import { RandomStreams } from '../../../sim/kernel/rng';
import { STATION_LIVE_FIELDS } from '../../../sim/worker/snapshot';

const withoutWall = (report: object) => JSON.stringify({ ...report, wallMs: 0 });

describe('worker API (called directly, as comlink would)', () => {
  it('a run paced in uneven slices and single steps reports the same bytes as the CLI', () => {
    const loaded = api.load(PRESETS['retry-storm'], 11);
    expect(loaded.ok).toBe(true);
    const slices = new RandomStreams(5).stream('slices');
    for (let i = 0; i < 200; i++) api.step();
    let snapshot = api.snapshot();
    while (!snapshot.done) snapshot = api.advance(slices.next() * 7, Infinity);
    const { scenario, warnings } = presetScenario('retry-storm');
    expect(withoutWall(api.report())).toBe(
      withoutWall(runScenario(scenario, { seed: 11 }, warnings)),
    );
  });

  it('steps one event from a run that has not moved yet, also after a reset', () => {
    api.load(PRESETS.mm1, 3);
    const first = api.step();
    expect(first.events).toBe(1);
    expect(api.step().events).toBe(2);
    api.reset();
    expect(api.step().events).toBe(1);
  });

  it('a wall-clock budget stops a slice early without changing the outcome', () => {
    api.load(PRESETS.mm8);
    const first = api.advance(Infinity, 0);
    expect(first.done).toBe(false);
    expect(first.events).toBeGreaterThan(0);
    let snapshot = first;
    while (!snapshot.done) snapshot = api.advance(Infinity, 1_000);
    const { scenario } = presetScenario('mm8');
    expect(withoutWall(api.report())).toBe(withoutWall(runScenario(scenario)));
  });

  it('snapshots carry live figures and only the series buckets not yet seen', () => {
    const loaded = api.load(PRESETS['erlang-b']);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const a = api.advance(1000, Infinity);
    expect(a.now).toBe(1000);
    const servers = a.stations[STATION_LIVE_FIELDS.indexOf('servers')];
    expect(servers).toBe(10);
    const b = api.advance(1000, Infinity, a.series.buckets, a.series.resolution);
    expect(b.series.fromBucket).toBe(a.series.buckets);
    expect(b.series.buckets).toBeGreaterThan(a.series.buckets);
    const fields = loaded.stationSeriesFields.length + loaded.sourceSeriesFields.length;
    expect(b.series.data.length).toBe(fields * (b.series.buckets - b.series.fromBucket));
  });

  it('bad input is refused with the errors and the loaded run is kept', () => {
    api.load(PRESETS.mm1);
    const bad = api.load({ name: 'x', duration: -1, sources: [], stations: [] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/^duration: /);
    const badSeed = api.load(PRESETS.mm1, -4);
    expect(badSeed.ok).toBe(false);
    expect(api.advance(10, Infinity).now).toBe(10);
  });
  it('a snapshot carries the requests per edge, each breaker’s state and each topic’s lag', () => {
    const loaded = api.load(PRESETS['circuit-breaker'], 2);
    if (!loaded.ok) throw new Error('circuit-breaker did not load');
    const snapshot = api.advance(30, Infinity);
    const stations = loaded.stationIds.length;
    expect(snapshot.flows).toHaveLength(loaded.flowOrigins.length * stations);
    // Every arrival came along some edge: a column sums to its station's arrivals.
    const arrivals = STATION_LIVE_FIELDS.indexOf('arrivals');
    loaded.stationIds.forEach((_, i) => {
      let column = 0;
      for (let row = 0; row < loaded.flowOrigins.length; row++) {
        column += snapshot.flows[row * stations + i]!;
      }
      expect(column).toBe(snapshot.stations[i * STATION_LIVE_FIELDS.length + arrivals]);
    });
    expect(snapshot.breakers).toHaveLength(loaded.breakerIds.length);
    expect(loaded.breakerCalls).toHaveLength(loaded.breakerIds.length);
    for (const state of snapshot.breakers) expect(loaded.breakerStates[state]).toBeDefined();
    expect(snapshot.topics).toHaveLength(loaded.topicIds.length);
  });
});
