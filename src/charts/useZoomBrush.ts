import * as d3 from 'd3';
import { useEffect, useRef, type RefObject } from 'react';
import { appStore } from '../store/store';
import { checkZoom, type TimeRange } from '../store/zoomSlice';

/** Where a time-series chart draws inside its <svg>: the margins hold the axes. */
export interface PlotFrame {
  width: number;
  height: number;
  left: number;
}

export const MARGIN = { top: 8, right: 16, bottom: 22 } as const;

export const innerSize = ({ width, height, left }: PlotFrame) => ({
  innerW: width - left - MARGIN.right,
  innerH: height - MARGIN.top - MARGIN.bottom,
});

/**
 * A horizontal d3 brush over the plot: the range dragged over becomes the zoom of every chart
 * (the store's), and the brush clears itself, since the charts now show just that range. The
 * range shown is read at the end of the drag, so redraws meanwhile do not disturb it.
 */
export function useZoomBrush(
  svgRef: RefObject<SVGSVGElement | null>,
  frame: PlotFrame,
  domain: TimeRange,
  duration: number,
): void {
  const domainRef = useRef(domain);
  domainRef.current = domain;
  const { width, height, left } = frame;
  useEffect(() => {
    const node = svgRef.current;
    if (!node) return;
    const { innerW, innerH } = innerSize({ width, height, left });
    const layer = d3
      .select(node)
      .selectAll<SVGGElement, null>('g.brush')
      .data([null])
      .join('g')
      .attr('class', 'brush')
      .attr('transform', `translate(${left},${MARGIN.top})`);
    const brush = d3
      .brushX<null>()
      .extent([
        [0, 0],
        [innerW, innerH],
      ])
      .on('end', (event: d3.D3BrushEvent<null>) => {
        if (!event.sourceEvent || !event.selection) return;
        const x = d3.scaleLinear().domain(domainRef.current).range([0, innerW]);
        const [a, b] = (event.selection as [number, number]).map((px) => x.invert(px));
        layer.call(brush.move, null);
        const from = Math.max(0, a!);
        const to = Math.min(duration, b!);
        if (checkZoom(from, to, duration) === null) appStore.getState().setZoom([from, to]);
      });
    layer.call(brush);
    return () => {
      brush.on('end', null);
      layer.remove();
    };
  }, [svgRef, width, height, left, duration]);
}
