import type { Speed } from '../store/runSlice';

/** Wall-clock budget of one paced slice: leaves most of a 60 Hz frame to the page. */
export const FRAME_BUDGET_MS = 12;
/**
 * At "max" the worker takes 200 ms slices: each slice costs the page a snapshot to take in and
 * four frames of writes, and on two cores that work competes with the worker itself (bench:ui on
 * lesson 11: 30 ms slices left the worker at 0.73 of the CLI's speed; with 100 ms slices the page
 * worked more than a refresh in over 5% of its frames, 200 ms brought that under 5%). The page
 * still draws every frame; its numbers move five times a second.
 */
export const MAX_SPEED_BUDGET_MS = 200;
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
