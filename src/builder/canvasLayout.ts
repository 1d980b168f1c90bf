import type { DesignGraph, DesignNode } from './designGraph';

/**
 * Where the canvas draws each box: view state only, kept beside the design and never in it, so
 * moving a box changes neither the JSON nor what the validator sees. Boxes keep their places as
 * the design changes; a new one takes its place in the automatic layout (columns by hops from the
 * sources), moved down past any box already there.
 */
export interface Point {
  x: number;
  y: number;
}

/** By node key (`station:api`). Boxes of removed components keep theirs, for an undo. */
export type Positions = Readonly<Record<string, Point>>;

export const BOX_W = 136;
export const BOX_H = 46;
export const GAP_X = 44;
export const GAP_Y = 14;
export const PAD = 8;
/** Room under the lowest box for the loops drawn beneath boxes. */
export const LOOP_ROOM = 30;
/** How far the arrow keys move a box, and with Shift. */
export const STEP = 10;
export const BIG_STEP = 50;
/** A box can go this far right or down, and no further: the canvas stays a sensible size. */
export const MAX_COORD = 4000;

/** A node's place in the automatic layout. */
export const gridPoint = (n: Pick<DesignNode, 'column' | 'row'>): Point => ({
  x: PAD + n.column * (BOX_W + GAP_X),
  y: PAD + n.row * (BOX_H + GAP_Y),
});

const overlaps = (a: Point, b: Point) => Math.abs(a.x - b.x) < BOX_W && Math.abs(a.y - b.y) < BOX_H;

/**
 * Every node of `graph` placed: where `kept` had it, else at its automatic place, moved down a
 * row at a time until it covers no box placed before it. Returns `kept` itself when nothing is
 * new, so an unchanged layout stays the same object.
 */
export function placeNodes(graph: DesignGraph, kept: Positions): Positions {
  const fresh = graph.nodes.filter((n) => !kept[n.key]);
  if (fresh.length === 0) return kept;
  const placed: Record<string, Point> = { ...kept };
  const taken = graph.nodes.filter((n) => kept[n.key]).map((n) => kept[n.key]!);
  for (const node of fresh) {
    const point = gridPoint(node);
    while (taken.some((t) => overlaps(t, point))) point.y += BOX_H + GAP_Y;
    placed[node.key] = point;
    taken.push(point);
  }
  return placed;
}

/** `point` clamped to the canvas: never left of or above its padding, never beyond MAX_COORD. */
export const clamped = (point: Point): Point => ({
  x: Math.round(Math.min(MAX_COORD, Math.max(PAD, point.x))),
  y: Math.round(Math.min(MAX_COORD, Math.max(PAD, point.y))),
});

/** Where an arrow key moves a box, or null for any other key. */
export function keyMove(key: string, shift: boolean, from: Point): Point | null {
  const step = shift ? BIG_STEP : STEP;
  const delta: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  };
  const d = delta[key];
  return d ? clamped({ x: from.x + d[0], y: from.y + d[1] }) : null;
}

/** The canvas size that holds every box of `keys`, with room for the loops under them. */
export function canvasSize(
  positions: Positions,
  keys: readonly string[],
): { width: number; height: number } {
  let width = PAD * 2 + BOX_W;
  let height = PAD * 2 + BOX_H + LOOP_ROOM;
  for (const key of keys) {
    const p = positions[key];
    if (!p) continue;
    width = Math.max(width, p.x + BOX_W + PAD);
    height = Math.max(height, p.y + BOX_H + PAD + LOOP_ROOM);
  }
  return { width, height };
}
