import { lessonReport, type LessonReport } from '../lessons/lessonReport';
import type { Simulation } from '../scenarios/simulation';

/**
 * The worker's lesson calls, spread into `api` (sim/worker/api.ts). `loaded` gives the loaded
 * simulation, so these see the same run as every other call. Before a scenario is loaded they
 * answer null rather than fail: a panel may ask while the page is still starting.
 */
export function lessonApi(loaded: () => Simulation | undefined) {
  return {
    /** The lesson's goals as they stand and the challenge score; null when it has no lesson. */
    goals(): LessonReport | null {
      const sim = loaded();
      return sim === undefined ? null : (lessonReport(sim) ?? null);
    },
  };
}
