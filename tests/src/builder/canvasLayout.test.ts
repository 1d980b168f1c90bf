import { beforeEach, describe, expect, it } from 'vitest';
import { useBuilderStore } from '../../../src/builder/builderStore';
import { edgeShape, fanOffsets } from '../../../src/builder/canvasEdges';
import {
  BOX_H,
  BOX_W,
  canvasSize,
  clamped,
  gridPoint,
  keyMove,
  MAX_COORD,
  PAD,
  placeNodes,
  type Positions,
} from '../../../src/builder/canvasLayout';
import { designGraph } from '../../../src/builder/designGraph';
import { addReplica } from '../../../src/builder/operations/addReplica';
import { addStation } from '../../../src/builder/operations/addStation';
import { preset, startBuilderOn } from './builderFixtures';

const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < BOX_W && Math.abs(a.y - b.y) < BOX_H;

describe('placeNodes', () => {
  it('places a new design in the automatic layout', () => {
    const graph = designGraph(preset('read-write-split'));
    const placed = placeNodes(graph, {});
    for (const n of graph.nodes) expect(placed[n.key]).toEqual(gridPoint(n));
  });

  it('keeps every box where it was, and returns the same object when nothing is new', () => {
    const graph = designGraph(preset('read-write-split'));
    const moved: Positions = { ...placeNodes(graph, {}), 'station:api': { x: 500, y: 300 } };
    expect(placeNodes(graph, moved)).toBe(moved);
  });

  it('puts a new box in its automatic place, moved down past boxes already there', () => {
    const doc = preset('read-write-split');
    const before = placeNodes(designGraph(doc), {});
    // Something dragged onto the place the new replica will take.
    const next = designGraph(addReplicaDoc(doc));
    const replica6 = next.nodes.find((n) => n.key === 'station:replica-6')!;
    const kept = { ...before, 'station:api': gridPoint(replica6) };
    const placed = placeNodes(next, kept);
    expect(placed['station:api']).toEqual(gridPoint(replica6));
    expect(placed['station:replica-6']!.x).toBe(gridPoint(replica6).x);
    for (const n of next.nodes) {
      if (n.key !== 'station:replica-6') {
        expect(overlap(placed[n.key]!, placed['station:replica-6']!), n.key).toBe(false);
      }
    }
  });
});

function addReplicaDoc(doc: ReturnType<typeof preset>) {
  const result = addReplica(doc, 'orders');
  if (!result.ok) throw new Error(result.error);
  return result.doc;
}

describe('moving a box', () => {
  it('the arrow keys move it 10 px, 50 with Shift; other keys do not', () => {
    const from = { x: 100, y: 100 };
    expect(keyMove('ArrowRight', false, from)).toEqual({ x: 110, y: 100 });
    expect(keyMove('ArrowLeft', true, from)).toEqual({ x: 50, y: 100 });
    expect(keyMove('ArrowUp', false, from)).toEqual({ x: 100, y: 90 });
    expect(keyMove('ArrowDown', true, from)).toEqual({ x: 100, y: 150 });
    expect(keyMove('Enter', false, from)).toBeNull();
  });

  it('never off the canvas: clamped to its padding and to MAX_COORD, in whole pixels', () => {
    expect(clamped({ x: -40, y: 3.6 })).toEqual({ x: PAD, y: PAD });
    expect(clamped({ x: 1e9, y: 120.4 })).toEqual({ x: MAX_COORD, y: 120 });
    expect(keyMove('ArrowLeft', true, { x: PAD, y: PAD })).toEqual({ x: PAD, y: PAD });
  });

  it('the canvas grows to hold the boxes of the design, not those of removed ones', () => {
    const positions = { a: { x: 300, y: 200 }, gone: { x: 3000, y: 3000 } };
    expect(canvasSize(positions, ['a'])).toEqual({
      width: 300 + BOX_W + PAD,
      height: 200 + BOX_H + PAD + 30,
    });
  });
});

describe('builder store: positions are view state', () => {
  const state = () => useBuilderStore.getState();
  beforeEach(() => {
    startBuilderOn('read-write-split');
  });

  it('a moved box keeps its place through changes and undo; the document never changes', () => {
    const text = state().design!.text;
    state().moveNode('station:api', { x: 420, y: 260 });
    expect(state().design!.text).toBe(text);
    expect(state().history.past).toEqual([]);

    state().apply(addStation(state().design!.doc), 'Added service.');
    expect(state().positions['station:api']).toEqual({ x: 420, y: 260 });
    expect(state().positions['station:service-1']).toBeDefined();
    state().undo();
    expect(state().positions['station:api']).toEqual({ x: 420, y: 260 });
    state().editText(state().design!.text.replace('"duration": 30', '"duration": 31'), 0);
    expect(state().positions['station:api']).toEqual({ x: 420, y: 260 });
  });

  it('a new design starts from the automatic layout', () => {
    state().moveNode('station:api', { x: 420, y: 260 });
    state().start(preset('read-write-split'));
    const api = designGraph(preset('read-write-split')).nodes.find((n) => n.key === 'station:api')!;
    expect(state().positions['station:api']).toEqual(gridPoint(api));
  });
});

describe('arrows', () => {
  it('arrows between the same two boxes fan out around the straight one', () => {
    const e = (from: string, to: string) => ({ from, to, kind: 'call', label: 'call' });
    expect(fanOffsets([e('a', 'b'), e('b', 'a'), e('a', 'c')])).toEqual([-8, 8, 0]);
  });

  it('goes side to side, top to bottom, or loops under overlapping columns; the label at its middle', () => {
    const side = edgeShape({ x: 0, y: 0 }, { x: 300, y: 0 }, 0);
    expect(side.d).toBe(`M${BOX_W},23C218,23 218,23 300,23`);
    expect(side.label).toEqual({ x: 218, y: 23 });
    const down = edgeShape({ x: 0, y: 0 }, { x: 0, y: 200 }, 0);
    expect(down.d.startsWith(`M${BOX_W / 2},${BOX_H}`)).toBe(true);
    const loop = edgeShape({ x: 0, y: 0 }, { x: 20, y: 10 }, 0);
    expect(loop.label.y).toBeGreaterThan(BOX_H);
  });
});
