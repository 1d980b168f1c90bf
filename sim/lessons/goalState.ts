import { pow } from '../kernel/portableMath';
import type { GoalSpec } from '../scenarios/schema/lessonSchema';

/** pending: not decided yet; met: held for its whole window; broken: failed, at `at`. */
export type GoalStatus = 'pending' | 'met' | 'broken';

/** What the page, the report and the CLI show of one goal. Plain data: it crosses the worker. */
export interface GoalState {
  id: string;
  title: string;
  kind: GoalSpec['kind'];
  status: GoalStatus;
  /** Simulated time the verdict was reached (when it broke, or was met); null while pending. */
  at: number | null;
  /** Why, with the numbers: "p99 0.412 s > 0.200 s in t = 30.0-31.0 s". */
  reason: string;
}

/** A time on the simulated clock as the reasons print it: 31.2 s. */
export const secondsText = (t: number): string => `${roundTo(t, 1).toFixed(1)} s`;

/** A latency as the reasons print it: 0.412 s. */
export const latencyText = (x: number): string => `${roundTo(x, 3).toFixed(3)} s`;

/** A share as a percentage: 97.5%. */
export const percentText = (x: number): string => `${roundTo(x * 100, 1).toFixed(1)}%`;

/** Rounds half away from zero at `digits` decimals, and never prints "-0". */
function roundTo(x: number, digits: number): number {
  const scale = pow(10, digits);
  const r = Math.round(Math.abs(x) * scale) / scale;
  return x < 0 && r !== 0 ? -r : r;
}
