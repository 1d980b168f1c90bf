import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** A time range on the run's shared axis, simulated seconds, `from` < `to`. */
export type TimeRange = readonly [from: number, to: number];

export interface ZoomSlice {
  /** The range every time-series chart shows; null: the whole run. */
  zoom: TimeRange | null;
  /** Zooms every chart to `range` (checked by the caller with `checkZoom`). */
  setZoom(range: TimeRange): void;
  resetZoom(): void;
}

export const createZoomSlice: StateCreator<AppState, [], [], ZoomSlice> = (set) => ({
  zoom: null,
  setZoom: (range) => set({ zoom: range }),
  resetZoom: () => set({ zoom: null }),
});

/** Narrower than this a chart holds less than a pixel of a bucket: not worth showing. */
export const MIN_ZOOM_SECONDS = 0.001;

/**
 * Why `from`..`to` cannot be a zoom range of a run `duration` seconds long, or null when it can.
 * Messages name the field and the allowed range, as every input of the page does.
 */
export function checkZoom(from: number, to: number, duration: number): string | null {
  const end = Number(duration.toPrecision(6));
  if (!Number.isFinite(from) || from < 0 || from >= duration) {
    return `From must be a number of seconds from 0 to less than ${end}.`;
  }
  if (!Number.isFinite(to) || to > duration || to <= from) {
    return `To must be a number of seconds greater than From and at most ${end}.`;
  }
  if (to - from < MIN_ZOOM_SECONDS) {
    return `To must be at least ${MIN_ZOOM_SECONDS} s after From.`;
  }
  return null;
}

/** The range the charts draw: the zoom when it fits inside the run, otherwise the whole run. */
export function visibleRange(zoom: TimeRange | null, duration: number): TimeRange {
  const whole: TimeRange = [0, Math.max(duration, 1e-9)];
  if (zoom === null || checkZoom(zoom[0], zoom[1], duration) !== null) return whole;
  return zoom;
}
