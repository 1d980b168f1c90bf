import { describe, expect, it } from 'vitest';
import { exponential, fixed, scenario } from '../../../helpers/scenarioBuilder';
import type { Simulation } from '../../../../sim/scenarios/simulation';

/** Requests counted from `origin` ("<kind>:<id>") to station `to`. */
function flow(sim: Simulation, origin: string, to: string): number {
  const row = sim.flowOrigins.indexOf(origin);
  const column = sim.stations.findIndex((s) => s.id === to);
  expect(row).toBeGreaterThanOrEqual(0);
  expect(column).toBeGreaterThanOrEqual(0);
  return sim.network.flows[row * sim.stations.length + column]!;
}

const total = (sim: Simulation) => sim.network.flows.reduce((a, b) => a + b, 0);

describe('requests counted per edge', () => {
  it('a source to its station, and routes p and 1 - p: each edge carries its arrivals', () => {
    const sim = scenario('split')
      .lasting(200)
      .station({
        id: 'front',
        servers: 4,
        service: exponential(0.01),
        routes: [
          { to: 'left', p: 0.3 },
          { to: 'right', p: 0.7 },
        ],
      })
      .station({ id: 'left', servers: 4, service: exponential(0.01) })
      .station({ id: 'right', servers: 4, service: exponential(0.01) })
      .poisson('users', 'front', 20)
      .run();
    const [front, left, right] = sim.stations;
    const users = sim.sources[0]!;
    expect(users.offered).toBeGreaterThan(3000);
    expect(flow(sim, 'source:users', 'front')).toBe(users.attempts);
    expect(flow(sim, 'source:users', 'front')).toBe(front!.arrivals);
    expect(flow(sim, 'station:front', 'left')).toBe(left!.arrivals);
    expect(flow(sim, 'station:front', 'right')).toBe(right!.arrivals);
    // Every request front finished went on to left or right: the two edges sum to its output.
    expect(flow(sim, 'station:front', 'left') + flow(sim, 'station:front', 'right')).toBe(
      front!.completed,
    );
    expect(total(sim)).toBe(front!.arrivals + left!.arrivals + right!.arrivals);
  });

  it("an endpoint's calls count on the caller's row, a topic's messages on the topic's", () => {
    const sim = scenario('calls')
      .lasting(100)
      .keys(1000, 0)
      .topic({ id: 'events', partitions: 2, consumers: ['worker'] })
      .station({
        id: 'api',
        servers: 50,
        endpoints: {
          place: [
            { kind: 'call', to: 'db' },
            { kind: 'call', to: 'db' },
            { kind: 'publish', topic: 'events' },
          ],
        },
      })
      .station({ id: 'db', servers: 50, service: fixed(0.001) })
      .station({ id: 'worker', servers: 2, service: fixed(0.001) })
      .poisson('users', 'api', 10)
      .run();
    const [api, db, worker] = sim.stations;
    expect(flow(sim, 'source:users', 'api')).toBe(api!.arrivals);
    expect(flow(sim, 'station:api', 'db')).toBe(db!.arrivals);
    expect(db!.arrivals).toBe(2 * api!.completed);
    expect(flow(sim, 'topic:events', 'worker')).toBe(worker!.arrivals);
    expect(worker!.arrivals).toBe(sim.topics[0]!.deliveries);
  });
});
