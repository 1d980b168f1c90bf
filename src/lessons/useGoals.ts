import type { LessonReport } from '../../sim/lessons/lessonReport';
import { useBridge } from '../bridge/BridgeContext';
import { useWorkerPolling } from '../bridge/useWorkerPolling';

/**
 * The lesson's goals as the worker judges them: fetched when the simulated clock moves (a few
 * times a second at most, never while the worker is busy with the run's own calls) and once more
 * when it stops, so a paused or finished run shows its final verdicts. `key` names the run.
 */
export function useGoals(key: string, enabled: boolean): LessonReport | null {
  const bridge = useBridge();
  return useWorkerPolling(bridge, enabled ? (api) => api.goals() : null, `${key}:${enabled}`);
}
