/** The most seeds the page replicates over: beyond, a run takes minutes; the CLI goes to 1,000. */
export const MAX_PAGE_REPLICATIONS = 50;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** "Runs" of the replication form: an integer from 2 to 50. */
export function parseRuns(text: string): Parsed<number> {
  const trimmed = text.trim();
  const n = Number(trimmed);
  if (trimmed === '' || !Number.isInteger(n) || n < 2 || n > MAX_PAGE_REPLICATIONS) {
    return {
      ok: false,
      error: `Runs: must be an integer from 2 to ${MAX_PAGE_REPLICATIONS}, got "${trimmed}"`,
    };
  }
  return { ok: true, value: n };
}

/**
 * "Run to t =": simulated seconds past the warm-up (before it ends no figure is measured, as the
 * CLI's --until says) and at most the scenario's duration; empty runs to the end (undefined).
 */
export function parseUntil(
  text: string,
  { duration, warmup }: { duration: number; warmup: number },
): Parsed<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const t = Number(trimmed);
  if (!Number.isFinite(t) || t <= warmup || t > duration) {
    return {
      ok: false,
      error: `Run to t: must be a number of seconds > the warm-up (${warmup}) and at most ${duration} (empty: to the end), got "${trimmed}"`,
    };
  }
  return { ok: true, value: t };
}
