/** Up to a microsecond, without float dust: 12.5, not 12.500000000000002. */
function seconds(t: number): string {
  return String(Number(t.toFixed(6)));
}

/**
 * What is wrong with `t` as the time to run to, or null: a number after `now` and no later than
 * the run's `duration`. The message names the field and shows the range, for the page (its
 * "Run to" field) and for any caller of the worker's `runTo`.
 */
export function runToProblem(t: unknown, now: number, duration: number): string | null {
  if (now >= duration) {
    return `Run to: the run is over (t = ${seconds(duration)} s, its duration); reset to run it again`;
  }
  if (typeof t === 'number' && Number.isFinite(t) && t > now && t <= duration) return null;
  const got = typeof t === 'number' ? seconds(t) : (JSON.stringify(t) ?? String(t));
  return (
    `Run to: must be a number of seconds after now and no later than the end of the run ` +
    `(${seconds(now)} < t <= ${seconds(duration)}), got ${got}`
  );
}
