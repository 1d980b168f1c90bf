import type { Topology, TopologyNode } from './topologyLayout';

/** A box's size and the gaps between the columns and rows of boxes, in SVG units. */
export const BOX_W = 150;
/** Four lines of figures under the title: bar, utilisation, pool, lag. */
export const BOX_H = 94;
/** Room for an arrow's two label lines (up to ~16 characters) between two columns. */
export const GAP_X = 100;
export const GAP_Y = 16;
export const PAD = 8;
/** The utilisation bar's full width. */
export const BAR_W = BOX_W - 20;
/** Room above the boxes for the loops, which go over the top (when there are any). */
export const LOOP_ROOM = 36;

/** A box's top-left corner. */
export const boxX = (n: TopologyNode) => PAD + n.column * (BOX_W + GAP_X);
export const boxY = (n: TopologyNode) => PAD + n.row * (BOX_H + GAP_Y);

/** How nodes are keyed: a source and a station may share an id. */
export const nodeKey = (kind: string, id: string) => `${kind}:${id}`;

/** The drawing's natural size, and how far above y = 0 the loops reach. */
export function topologySize(topo: Topology): { width: number; height: number; top: number } {
  const width = PAD * 2 + topo.columns * BOX_W + Math.max(0, topo.columns - 1) * GAP_X;
  const height = PAD * 2 + topo.rows * BOX_H + Math.max(0, topo.rows - 1) * GAP_Y;
  const top = topo.edges.some((e) => e.back) ? LOOP_ROOM : 0;
  return { width, height, top };
}
