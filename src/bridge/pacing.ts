import type { Speed } from '../store/runSlice';

/** Wall-clock budget of one paced slice: leaves most of a 60 Hz frame to the page. */
export const FRAME_BUDGET_MS = 12;
/**
 * At "max" the worker takes 100 ms slices: each slice costs the page a snapshot to take in, and on
 * two cores that work competes with the worker itself (bench:ui on lesson 11: 30 ms slices gave
 * the worker 0.245 simulated s per wall s and frames of p95 35.6 ms; 100 ms gave 0.313 and
 * 20 ms). The page still draws every frame; its numbers move ten times a second.
 */
export const MAX_SPEED_BUDGET_MS = 100;
/** A stalled tab or a slow slice never turns into a jump of more than this much wall time. */
export const MAX_FRAME_SECONDS = 0.25;

export interface SliceRequest {
  simSeconds: number;
  budgetMs: number;
}

/**
 * The slice to ask for, given the wall time since the previous request: at speed S that is S
 * simulated seconds per wall second, so the simulated clock keeps pace even when a frame is
 * skipped because the previous slice was still running.
 */
export function sliceFor(speed: Speed, wallSeconds: number): SliceRequest {
  if (speed === 'max') return { simSeconds: Infinity, budgetMs: MAX_SPEED_BUDGET_MS };
  const elapsed = Math.min(Math.max(wallSeconds, 0), MAX_FRAME_SECONDS);
  return { simSeconds: speed * elapsed, budgetMs: FRAME_BUDGET_MS };
}
