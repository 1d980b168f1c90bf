/**
 * The drawing area of an Inspect chart: its viewBox and the margins the axes and their labels
 * take. One value, so the scales, the axes and the <svg> of a chart cannot disagree on it.
 */
export interface PlotBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** Left to right inside the margins: an x scale's range. */
export function xRange({ width, margin }: PlotBox): [number, number] {
  return [margin.left, width - margin.right];
}

/** Bottom to top inside the margins (SVG's y grows downwards): a y scale's range. */
export function yRange({ height, margin }: PlotBox): [number, number] {
  return [height - margin.bottom, margin.top];
}
