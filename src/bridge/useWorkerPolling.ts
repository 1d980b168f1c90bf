import { useEffect, useRef, useState } from 'react';
import type { SimBridge } from './simBridge';
import type { SimRemote } from './workerHandle';
import { useStoreSubscription } from '../store/useStoreSubscription';

/** Wall milliseconds between two polls while the run moves: a few a second is enough to read. */
const POLL_MS = 250;

/**
 * Asks the worker for `task`'s result whenever the simulated clock moved (at most every POLL_MS
 * of wall time, and never while the worker is busy with the run's own calls), and once more when
 * the run stops moving, so a paused or finished run shows its final figures. `key` restarts it;
 * a null `task` polls nothing (nothing to ask yet). The panels' one way to read the worker live.
 */
export function useWorkerPolling<T>(
  bridge: SimBridge,
  task: ((api: SimRemote) => Promise<T>) | null,
  key: string,
): T | null {
  const [value, setValue] = useState<T | null>(null);
  const last = useRef(0);
  const pending = useRef(false);
  const trailing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const taskRef = useRef(task);
  taskRef.current = task;

  const poll = () => {
    const current = taskRef.current;
    if (current === null || pending.current) return;
    pending.current = true;
    last.current = performance.now();
    bridge
      .inspect(current)
      .then(setValue)
      .catch(() => setValue(null))
      .finally(() => (pending.current = false));
  };

  useEffect(() => {
    setValue(null);
    poll();
    return () => {
      if (trailing.current !== null) clearTimeout(trailing.current);
    };
  }, [key]);

  useStoreSubscription(
    (s) => s.run.now,
    () => {
      if (trailing.current !== null) clearTimeout(trailing.current);
      // The last change of a burst is always fetched: a run that stops shows its final state.
      trailing.current = setTimeout(poll, POLL_MS);
      if (performance.now() - last.current < POLL_MS || bridge.busy) return;
      poll();
    },
    [key],
  );
  return value;
}
