import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../sim/scenarios/presets';
import { checked } from '../../../sim/scenarios/runScenario';
import { planEdges } from '../../../src/topology/edgeFigures';
import { edgePorts, portOffsets } from '../../../src/topology/edgePorts';
import { BOX_H, BOX_W, boxX, boxY, nodeKey } from '../../../src/topology/topologyGeometry';
import { layoutTopology, type Topology } from '../../../src/topology/topologyLayout';

function portsOf(topo: Topology) {
  const nodes = new Map(topo.nodes.map((n) => [nodeKey(n.kind, n.id), n]));
  const nodeOf = (kind: string, id: string) => nodes.get(nodeKey(kind, id));
  const drawn = planEdges(topo.edges);
  return { drawn, nodeOf, ports: edgePorts(drawn, nodeOf) };
}

describe('where arrows meet their boxes', () => {
  it('one arrow meets the middle of a side; more spread evenly inside it', () => {
    expect(portOffsets(1)).toEqual([BOX_H / 2]);
    const three = portOffsets(3);
    expect(three[0]).toBeGreaterThan(0);
    expect(three[2]).toBeLessThan(BOX_H);
    expect(three[1]! - three[0]!).toBeCloseTo(three[2]! - three[1]!, 9);
  });

  for (const name of Object.keys(PRESETS)) {
    it(`${name}: no two arrows share an end, and none crosses another where they meet a box`, () => {
      const { drawn, nodeOf, ports } = portsOf(layoutTopology(checked(PRESETS[name]).scenario));
      const forward = drawn.filter((d) => !d.edge.back);
      expect(ports.size).toBe(forward.length);
      const starts = new Map<string, { y: number; other: number }[]>();
      const ends = new Map<string, { y: number; other: number }[]>();
      for (const d of forward) {
        const p = ports.get(d)!;
        const from = nodeOf(d.edge.fromKind, d.edge.from)!;
        const to = nodeOf('station', d.edge.to)!;
        // On the boxes' sides: the start on the right side of its box, the end on the left.
        expect(p.y0).toBeGreaterThan(boxY(from));
        expect(p.y0).toBeLessThan(boxY(from) + BOX_H);
        expect(p.x0).toBeLessThanOrEqual(boxX(from) + BOX_W);
        expect(p.x0).toBeGreaterThan(boxX(from) + BOX_W / 2);
        expect(p.x1).toBe(boxX(to));
        expect(p.y1).toBeGreaterThan(boxY(to));
        expect(p.y1).toBeLessThan(boxY(to) + BOX_H);
        const at = (m: typeof starts, key: string) => m.get(key) ?? m.set(key, []).get(key)!;
        at(starts, nodeKey(from.kind, from.id)).push({ y: p.y0, other: to.row });
        at(ends, to.id).push({ y: p.y1, other: from.row });
      }
      for (const side of [...starts.values(), ...ends.values()]) {
        const ys = side.map((s) => s.y);
        expect(new Set(ys).size).toBe(ys.length);
        // Higher on the side, never lower at the other end.
        const sorted = [...side].sort((a, b) => a.y - b.y);
        for (let i = 1; i < sorted.length; i++) {
          expect(sorted[i]!.other).toBeGreaterThanOrEqual(sorted[i - 1]!.other);
        }
      }
    });
  }

  it('four or more arrows into one box are crowded: each keeps one label line', () => {
    const stations = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
      id,
      ...(id !== 'e' && { routes: [{ to: 'e', p: 1 }] }),
    }));
    const make = (callers: number) =>
      portsOf(
        layoutTopology({
          sources: stations.slice(0, callers).map((s) => ({ id: `in-${s.id}`, target: s.id })),
          stations: [...stations.slice(0, callers), stations[4]!],
        }),
      );
    const crowded = (callers: number) => {
      const { drawn, ports } = make(callers);
      return drawn.filter((d) => d.edge.to === 'e').map((d) => ports.get(d)!.crowded);
    };
    expect(crowded(3)).toEqual([false, false, false]);
    expect(crowded(4)).toEqual([true, true, true, true]);
  });
});
