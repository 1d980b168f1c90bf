import { useCallback, useEffect, useState } from 'react';
import type { TraceSummary } from '../../sim/trace/traceTypes';
import type { SimBridge } from '../bridge/simBridge';

const ROWS = 15;
const REFRESH_MS = 2000;

export interface TraceLists {
  recent: TraceSummary[];
  failed: TraceSummary[];
  refresh(): void;
}

/**
 * The latest sampled traces and failures, asked of the worker every couple of seconds while the
 * section is on the page (a small answer: ROWS summaries each), and again when the run changes.
 */
export function useTraceLists(bridge: SimBridge, run: string): TraceLists {
  const [recent, setRecent] = useState<TraceSummary[]>([]);
  const [failed, setFailed] = useState<TraceSummary[]>([]);
  const refresh = useCallback(() => {
    // A poll can wait while the run's own calls are queued: the next one will come soon.
    if (bridge.busy) return;
    bridge
      .inspect(async (api) => ({
        all: await api.traces({ limit: 4 * ROWS }),
        failures: await api.traces({ failedOnly: true, limit: ROWS }),
      }))
      .then(
        ({ all, failures }) => {
          setRecent(all.filter((t) => t.outcome === 'ok').slice(-ROWS));
          setFailed(failures);
        },
        // No run loaded yet, or the worker is being replaced: the next refresh will tell.
        () => undefined,
      );
  }, [bridge]);
  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh, run]);
  return { recent, failed, refresh };
}
