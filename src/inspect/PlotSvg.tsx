import type { RefObject } from 'react';
import type { PlotBox } from './plotBox';

/**
 * The <svg> an Inspect chart's d3 code draws into (through `ref`): as wide as its column, and one
 * image to a screen reader, named by `label`, whose figures the view's table gives.
 */
export function PlotSvg({
  ref,
  className,
  box,
  label,
  testId,
}: {
  ref: RefObject<SVGSVGElement | null>;
  className: string;
  /** The viewBox's size: the units the chart draws in. */
  box: Pick<PlotBox, 'width' | 'height'>;
  label: string;
  testId: string;
}) {
  return (
    <svg
      ref={ref}
      className={className}
      viewBox={`0 0 ${box.width} ${box.height}`}
      width="100%"
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
