/**
 * Calls `fn` with the latest arguments at most once per `ms`: the first call runs at once, later
 * ones within the interval collapse into one trailing call, so the last value is always drawn.
 */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
  clock: () => number = () => performance.now(),
): { (...args: A): void; cancel(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const run = () => {
    timer = null;
    if (!pending) return;
    const args = pending;
    pending = null;
    last = clock();
    fn(...args);
  };
  const throttled = (...args: A) => {
    pending = args;
    if (timer !== null) return;
    const wait = last + ms - clock();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  throttled.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}
