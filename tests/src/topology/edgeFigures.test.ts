import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../sim/scenarios/presets';
import { checked } from '../../../sim/scenarios/runScenario';
import { Simulation } from '../../../sim/scenarios/simulation';
import { arrowLabel, flowOriginOf, planEdges } from '../../../src/topology/edgeFigures';
import { layoutTopology } from '../../../src/topology/topologyLayout';

/** Runs a preset for `seconds` and returns the simulation and the arrows the page draws. */
function drawnAfter(name: string, seconds: number) {
  const { scenario } = checked(PRESETS[name]);
  const sim = new Simulation(scenario, 1);
  sim.runUntil(seconds);
  return { sim, drawn: planEdges(layoutTopology(scenario).edges) };
}

describe('the arrows and the counts the simulator keeps', () => {
  it('a topic consumer’s arrow reads the topic’s row, a placeOrder step’s the flow’s', () => {
    const edge = { fromKind: 'station', from: 'api', to: 'c', p: null, back: false } as const;
    expect(flowOriginOf({ ...edge, kind: 'publish', via: 'topics:events' })).toBe('topic:events');
    expect(flowOriginOf({ ...edge, kind: 'placeOrder', via: 'orders:o' })).toBe('order:o');
    expect(flowOriginOf({ ...edge, kind: 'dbRead', via: 'databases:db' })).toBe('station:api');
    expect(flowOriginOf({ ...edge, kind: 'route' })).toBe('station:api');
    expect(flowOriginOf({ ...edge, fromKind: 'source', kind: 'source' })).toBe('source:api');
  });

  it('a dbRead and a dbWrite to one replica share one count: one arrow naming both', () => {
    const { drawn } = drawnAfter('read-write-split', 0);
    const toReplica = drawn.filter((d) => d.edge.to === 'replica-1');
    expect(toReplica.map((d) => [d.flow, arrowLabel(d)])).toEqual([
      ['station:api>replica-1', 'dbRead+dbWrite'],
    ]);
    // Never two arrows over one count from one box.
    const keys = drawn.map((d) => `${d.edge.fromKind}:${d.edge.from}|${d.flow}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  // Lesson 11 runs 200,000 requests a second: a fifth of a second of it is enough.
  for (const name of Object.keys(PRESETS)) {
    it(`${name}: every counted request is on an arrow the page draws`, () => {
      const { sim, drawn } = drawnAfter(name, name === 'lunch-peak' ? 0.2 : 5);
      const shown = new Set(drawn.map((d) => d.flow));
      const stations = sim.stations.length;
      const missing: string[] = [];
      sim.flowOrigins.forEach((origin, row) => {
        sim.stations.forEach((station, i) => {
          const key = `${origin}>${station.id}`;
          if (sim.network.flows[row * stations + i]! > 0 && !shown.has(key)) missing.push(key);
        });
      });
      expect(missing).toEqual([]);
      expect(sim.network.flows.reduce((a, b) => a + b, 0)).toBe(
        sim.stations.reduce((sum, s) => sum + s.arrivals, 0),
      );
    });
  }
});
