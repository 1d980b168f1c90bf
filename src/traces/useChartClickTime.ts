import { useEffect, useRef } from 'react';

/**
 * Calls `onTime(t)` with the simulated time under a click on the plot of the chart whose figure
 * has `data-testid={testId}`, without touching the chart's code: the plot area is the chart's
 * brush overlay (`g.brush rect.overlay`, spanning exactly the x range), and the time range shown
 * is the svg's `data-domain` ("from,to" seconds), so zooming is taken into account. A drag is a
 * zoom and the chart's business; only a click that did not move reaches here.
 */
export function useChartClickTime(testId: string, onTime: (t: number) => void): void {
  const onTimeRef = useRef(onTime);
  onTimeRef.current = onTime;
  useEffect(() => {
    let figure: Element | null = null;
    let downX = NaN;
    const onDown = (event: Event) => {
      downX = (event as PointerEvent).clientX;
    };
    const onClick = (event: Event) => {
      const { clientX } = event as MouseEvent;
      if (Math.abs(clientX - downX) > 3) return;
      const t = timeAt(figure, clientX);
      if (t !== null) onTimeRef.current(t);
    };
    // The charts mount with the run; look for the figure until it is there.
    const attach = () => {
      const found = document.querySelector(`[data-testid="${testId}"]`);
      if (found === figure) return;
      figure?.removeEventListener('pointerdown', onDown, true);
      figure?.removeEventListener('click', onClick, true);
      figure = found;
      figure?.addEventListener('pointerdown', onDown, true);
      figure?.addEventListener('click', onClick, true);
    };
    attach();
    const timer = window.setInterval(attach, 1000);
    return () => {
      window.clearInterval(timer);
      figure?.removeEventListener('pointerdown', onDown, true);
      figure?.removeEventListener('click', onClick, true);
    };
  }, [testId]);
}

/** Simulated time at screen x `clientX` over the chart in `figure`, null off its plot. */
export function timeAt(figure: Element | null, clientX: number): number | null {
  const svg = figure?.querySelector('svg[data-domain]');
  const overlay = svg?.querySelector('g.brush rect.overlay');
  const domain = svg?.getAttribute('data-domain')?.split(',').map(Number);
  if (!overlay || !domain || domain.length !== 2) return null;
  const box = overlay.getBoundingClientRect();
  if (box.width <= 0 || clientX < box.left || clientX > box.right) return null;
  const [from, to] = domain as [number, number];
  return from + ((clientX - box.left) / box.width) * (to - from);
}
