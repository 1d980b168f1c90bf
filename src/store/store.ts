import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createFiguresSlice, type FiguresSlice } from './figuresSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createSeriesSlice, type SeriesSlice } from './seriesSlice';
import { createSimSlice, type SimSlice } from './simSlice';
import { createZoomSlice, type ZoomSlice } from './zoomSlice';

export type AppState = RunSlice & FiguresSlice & SeriesSlice & SimSlice & ZoomSlice;

/** One store from typed slices; a factory so tests get a fresh one each. */
export const createAppStore = () =>
  createStore<AppState>()((...a) => ({
    ...createRunSlice(...a),
    ...createFiguresSlice(...a),
    ...createSeriesSlice(...a),
    ...createSimSlice(...a),
    ...createZoomSlice(...a),
  }));

export type AppStore = ReturnType<typeof createAppStore>;

/** The page's store. */
export const appStore = createAppStore();

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
