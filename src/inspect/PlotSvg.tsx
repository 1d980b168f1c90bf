import type { RefObject } from 'react';

/**
 * The <svg> an Inspect chart's d3 code draws into (through `ref`): as wide as its column, and one
 * image to a screen reader, named by `label`, whose figures the view's table gives.
 */
export function PlotSvg({
  ref,
  className,
  width,
  height,
  label,
  testId,
}: {
  ref: RefObject<SVGSVGElement | null>;
  className: string;
  /** The viewBox's size: the units the chart draws in. */
  width: number;
  height: number;
  label: string;
  testId: string;
}) {
  return (
    <svg
      ref={ref}
      className={className}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
