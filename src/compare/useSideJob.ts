import { useCallback, useEffect, useRef, useState } from 'react';

/** Why a side job stopped early when the person asked it to. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
}

export type JobResult<T> =
  { ok: true; value: T } | { ok: false; cancelled: boolean; error: string };

/**
 * A long job in side workers that a button starts and another cancels: one at a time, aborted
 * (its workers terminated) on Cancel or when the panel goes away.
 */
export function useSideJob() {
  const controller = useRef<AbortController | null>(null);
  const [running, setRunning] = useState(false);
  useEffect(() => () => controller.current?.abort(new CancelledError('the panel closed')), []);

  const start = useCallback(async <T>(job: (signal: AbortSignal) => Promise<T>) => {
    controller.current?.abort(new CancelledError('a new run started'));
    const own = new AbortController();
    controller.current = own;
    setRunning(true);
    try {
      return { ok: true, value: await job(own.signal) } as JobResult<T>;
    } catch (error) {
      const cancelled = own.signal.aborted;
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, cancelled, error: message } as JobResult<T>;
    } finally {
      if (controller.current === own) {
        controller.current = null;
        setRunning(false);
      }
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(new CancelledError('cancelled')), []);
  return { running, start, cancel };
}
