import { BOX_H, BOX_W, type Point } from './canvasLayout';
import type { DesignEdge } from './designGraph';

/** Arrows between the same two boxes fan out this far apart, so their labels never overlap. */
const FAN = 16;
/** How far below the boxes an arrow between overlapping columns loops. */
const LOOP = 30;

export interface EdgeShape {
  d: string;
  /** Where the label goes: the middle of the curve. */
  label: Point;
}

/** Each edge's offset among the edges joining the same two boxes (either way round). */
export function fanOffsets(edges: readonly DesignEdge[]): number[] {
  const pair = (e: DesignEdge) => [e.from, e.to].sort().join('|');
  const counts = new Map<string, number>();
  for (const e of edges) counts.set(pair(e), (counts.get(pair(e)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return edges.map((e) => {
    const key = pair(e);
    const i = seen.get(key) ?? 0;
    seen.set(key, i + 1);
    return (i - ((counts.get(key) ?? 1) - 1) / 2) * FAN;
  });
}

const curve = (x1: number, y1: number, c1: Point, c2: Point, x2: number, y2: number) =>
  `M${x1},${y1}C${c1.x},${c1.y} ${c2.x},${c2.y} ${x2},${y2}`;

/**
 * The arrow from box `a` to box `b` (their top-left corners): side to side when one is clear of
 * the other horizontally, top to bottom when vertically, else a loop under both; `offset` fans
 * out arrows joining the same boxes. The label sits at the curve's midpoint (t = 0.5).
 */
export function edgeShape(a: Point, b: Point, offset: number): EdgeShape {
  const gap = 8;
  if (b.x >= a.x + BOX_W + gap || b.x + BOX_W + gap <= a.x) {
    const right = b.x > a.x;
    const x1 = right ? a.x + BOX_W : a.x;
    const x2 = right ? b.x : b.x + BOX_W;
    const y1 = a.y + BOX_H / 2;
    const y2 = b.y + BOX_H / 2;
    const mid = (x1 + x2) / 2;
    return {
      d: curve(x1, y1, { x: mid, y: y1 + offset }, { x: mid, y: y2 + offset }, x2, y2),
      label: { x: mid, y: (y1 + y2) / 2 + 0.75 * offset },
    };
  }
  if (b.y >= a.y + BOX_H + gap || b.y + BOX_H + gap <= a.y) {
    const down = b.y > a.y;
    const x1 = a.x + BOX_W / 2;
    const x2 = b.x + BOX_W / 2;
    const y1 = down ? a.y + BOX_H : a.y;
    const y2 = down ? b.y : b.y + BOX_H;
    const mid = (y1 + y2) / 2;
    return {
      d: curve(x1, y1, { x: x1 + offset, y: mid }, { x: x2 + offset, y: mid }, x2, y2),
      label: { x: (x1 + x2) / 2 + 0.75 * offset, y: mid },
    };
  }
  const x1 = a.x + BOX_W / 2 + offset;
  const x2 = b.x + BOX_W / 2 + offset;
  const y1 = a.y + BOX_H;
  const y2 = b.y + BOX_H;
  const drop = LOOP + Math.abs(offset);
  return {
    d: curve(x1, y1, { x: x1, y: y1 + drop }, { x: x2, y: y2 + drop }, x2, y2),
    label: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 + 0.75 * drop },
  };
}
