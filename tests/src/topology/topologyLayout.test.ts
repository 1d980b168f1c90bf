import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../sim/scenarios/presets';
import { validateScenario } from '../../../sim/scenarios/validateScenario';
import { layoutTopology } from '../../../src/topology/topologyLayout';

describe('layoutTopology', () => {
  it('lays stations left to right by routing depth, sources first', () => {
    const topo = layoutTopology({
      sources: [{ id: 'users', target: 'gateway' }],
      stations: [
        { id: 'db', routes: [] },
        { id: 'gateway', routes: [{ to: 'service', p: 1 }] },
        {
          id: 'service',
          routes: [
            { to: 'db', p: 0.3 },
            { to: 'gateway', p: 0.1 },
          ],
        },
        { id: 'orphan', routes: [] },
      ],
    });
    const column = Object.fromEntries(topo.nodes.map((n) => [`${n.kind}:${n.id}`, n.column]));
    expect(column).toEqual({
      'source:users': 0,
      'station:gateway': 1,
      'station:service': 2,
      'station:db': 3,
      'station:orphan': 1,
    });
    expect(topo.columns).toBe(4);
    expect(topo.rows).toBe(2);
    expect(topo.edges).toContainEqual({
      fromKind: 'station',
      from: 'service',
      to: 'db',
      kind: 'route',
      p: 0.3,
      back: false,
    });
    expect(topo.edges.find((e) => e.to === 'gateway' && e.from === 'service')?.back).toBe(true);
  });

  it('follows endpoint steps to stations, directly or through a collection item', () => {
    const topo = layoutTopology({
      sources: [{ id: 'q', target: 'api' }],
      stations: [
        {
          id: 'api',
          endpoints: {
            read: [
              { kind: 'work' },
              { kind: 'cacheRead', cache: 'redis', loadFrom: 'db-master' },
              { kind: 'call', to: 'pay' },
            ],
            write: [
              { kind: 'dbWrite', db: 'orders' },
              { kind: 'dbRead', db: 'orders' },
            ],
          },
        },
        { id: 'r0' },
        { id: 'db-master' },
        { id: 'db-replica' },
        { id: 'pay' },
      ],
      caches: [{ id: 'redis', nodes: ['r0'] }],
      databases: [{ id: 'orders', master: 'db-master', replicas: ['db-replica'] }],
    });
    const kinds = topo.edges.filter((e) => e.from === 'api').map((e) => `${e.kind}:${e.to}`);
    expect(kinds).toEqual([
      'cacheRead:r0',
      'cacheRead:db-master',
      'call:pay',
      'dbWrite:db-master',
      'dbWrite:db-replica',
      'dbRead:db-master',
      'dbRead:db-replica',
    ]);
    expect(topo.nodes.filter((n) => n.column === 2).map((n) => n.id)).toEqual([
      'r0',
      'db-master',
      'db-replica',
      'pay',
    ]);
  });

  it('accepts every preset as validated', () => {
    for (const [name, doc] of Object.entries(PRESETS)) {
      const result = validateScenario(doc);
      if (!result.ok) throw new Error(`${name}: ${result.errors.join('; ')}`);
      const topo = layoutTopology(result.scenario);
      expect(topo.nodes.length, name).toBe(
        result.scenario.sources.length + result.scenario.stations.length,
      );
    }
  });
});
