import type { DrawnEdge } from './edgeFigures';
import { BOX_H, BOX_W, boxX, boxY, nodeKey } from './topologyGeometry';
import type { TopologyNode } from './topologyLayout';

/** How far from a box's top and bottom its first and last arrows meet it. */
const PORT_INSET = 12;
/**
 * Arrows into one box closer than this cannot each carry two label lines (the steps above the
 * arrowhead, the rate under it): there, only the rate is written (the steps are in the title).
 */
const TWO_LINE_SPACING = 30;

/** Where a forward arrow leaves its box and meets the next, in SVG units. */
export interface EdgePorts {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The arrows into the target are too close for a second label line. */
  crowded: boolean;
}

/** Offsets down a box's side for `count` arrows: one in the middle, more spread evenly. */
export function portOffsets(count: number): number[] {
  if (count <= 1) return [BOX_H / 2];
  const step = (BOX_H - 2 * PORT_INSET) / (count - 1);
  return Array.from({ length: count }, (_, i) => PORT_INSET + i * step);
}

/**
 * Gives each forward arrow its own place on the right side of the box it leaves and on the left
 * side of the box it enters, so that arrows meeting at one box, and their labels, do not lie on
 * top of each other. At each box the arrows are ordered by the height of their other end, so they
 * do not cross where they meet it. Loops (`edge.back`) go over the top and get none.
 */
export function edgePorts(
  drawn: readonly DrawnEdge[],
  nodeOf: (kind: string, id: string) => TopologyNode | undefined,
): Map<DrawnEdge, EdgePorts> {
  const ends = new Map<DrawnEdge, { from: TopologyNode; to: TopologyNode }>();
  for (const d of drawn) {
    const from = nodeOf(d.edge.fromKind, d.edge.from);
    const to = nodeOf('station', d.edge.to);
    if (from && to && !d.edge.back) ends.set(d, { from, to });
  }
  const outgoing = groupBy([...ends], ([, e]) => nodeKey(e.from.kind, e.from.id));
  const incoming = groupBy([...ends], ([, e]) => nodeKey('station', e.to.id));
  const startOf = new Map<DrawnEdge, number>();
  const endOf = new Map<DrawnEdge, { y: number; count: number }>();
  for (const group of outgoing.values()) {
    const sorted = group.sort(([, a], [, b]) => order(a.to, b.to));
    const offsets = portOffsets(sorted.length);
    sorted.forEach(([d, e], i) => startOf.set(d, boxY(e.from) + offsets[i]!));
  }
  for (const group of incoming.values()) {
    const sorted = group.sort(([, a], [, b]) => order(a.from, b.from));
    const offsets = portOffsets(sorted.length);
    sorted.forEach(([d, e], i) =>
      endOf.set(d, { y: boxY(e.to) + offsets[i]!, count: group.length }),
    );
  }
  const ports = new Map<DrawnEdge, EdgePorts>();
  for (const [d, e] of ends) {
    const y0 = startOf.get(d)!;
    const end = endOf.get(d)!;
    const offsets = portOffsets(end.count);
    const spacing = end.count > 1 ? offsets[1]! - offsets[0]! : Infinity;
    ports.set(d, {
      x0: rightSide(e.from, y0),
      y0,
      x1: boxX(e.to),
      y1: end.y,
      crowded: spacing < TWO_LINE_SPACING,
    });
  }
  return ports;
}

/** Top to bottom, then left to right. */
function order(a: TopologyNode, b: TopologyNode): number {
  return a.row - b.row || a.column - b.column;
}

/** The x of a box's right side at height `y`: a source is a pill, its ends half-circles. */
function rightSide(node: TopologyNode, y: number): number {
  const right = boxX(node) + BOX_W;
  if (node.kind !== 'source') return right;
  const r = BOX_H / 2;
  const dy = Math.min(r, Math.abs(y - (boxY(node) + r)));
  return right - r + Math.sqrt(r * r - dy * dy);
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
