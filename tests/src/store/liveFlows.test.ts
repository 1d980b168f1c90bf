import { describe, expect, it } from 'vitest';
import { deriveFlows, type FlowSample } from '../../../src/store/liveFlows';
import type { SnapshotLayout } from '../../../src/store/layout';

/** Two stations; origins: both stations, then the source and a topic (rows 0 to 3). */
const layout: SnapshotLayout = {
  stationIds: ['api', 'db'],
  sourceIds: ['users'],
  stationFields: [],
  sourceFields: [],
  stationSeriesFields: [],
  sourceSeriesFields: [],
  cacheIds: [],
  topicIds: ['events'],
  cacheSeriesFields: [],
  topicSeriesFields: [],
  flowOrigins: ['station:api', 'station:db', 'source:users', 'topic:events'],
  breakerIds: ['api.get[0]'],
  breakerCalls: [{ from: 'api', to: 'db' }],
  breakerStates: ['CLOSED', 'HALF_OPEN', 'OPEN'],
};

// [origin][station]: users -> api, api -> db, events -> db.
const sample = (now: number, users: number, calls: number, messages: number): FlowSample => ({
  now,
  flows: Float64Array.from([0, calls, 0, 0, users, 0, 0, messages]),
  breakers: Float64Array.from([now > 15 ? 2 : 0]),
  topics: Float64Array.from([messages / 2]),
});

describe('deriveFlows', () => {
  it('rates over the window, from its oldest sample to its newest, like a source’s', () => {
    const figures = deriveFlows(layout, [sample(10, 100, 300, 8), sample(20, 180, 500, 8)]);
    expect(figures.flows).toEqual([
      { from: 'station:api', to: 'db', count: 500, rate: 20 },
      { from: 'source:users', to: 'api', count: 180, rate: 8 },
      { from: 'topic:events', to: 'db', count: 8, rate: 0 },
    ]);
  });

  it('from t = 0 when the window holds one sample; none before time passed', () => {
    expect(deriveFlows(layout, [sample(10, 100, 300, 8)]).flows[1]).toEqual({
      from: 'source:users',
      to: 'api',
      count: 100,
      rate: 10,
    });
    expect(deriveFlows(layout, [sample(0, 1, 0, 0)]).flows).toEqual([
      { from: 'source:users', to: 'api', count: 1, rate: null },
    ]);
  });

  it('the breaker’s state now with the call it guards, and the topic’s lag now', () => {
    const figures = deriveFlows(layout, [sample(10, 1, 1, 1), sample(20, 2, 2, 6)]);
    expect(figures.breakers).toEqual([{ id: 'api.get[0]', from: 'api', to: 'db', state: 'OPEN' }]);
    expect(figures.topics).toEqual([{ id: 'events', lag: 3 }]);
  });

  it('nothing from a worker that sends no flows', () => {
    expect(deriveFlows(layout, [{ now: 5 }])).toEqual({
      flows: [],
      breakers: [{ id: 'api.get[0]', from: 'api', to: 'db', state: null }],
      topics: [],
    });
  });
});
